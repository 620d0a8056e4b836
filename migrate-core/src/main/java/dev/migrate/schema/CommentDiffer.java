package dev.migrate.schema;

import java.util.Map;

import dev.migrate.schema.SchemaCatalog.Comment;

/**
 * Comment differences. A comment on an object that is dropped goes with it (the downgrade
 * restores it after the object); one on an object that is created comes after it.
 */
final class CommentDiffer {

	private final CatalogDiffer differ;

	CommentDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}


	void diff() {
		Map<String, Comment> current = CatalogDiffer.byKey(this.differ.current().comments(), Comment::target);
		Map<String, Comment> desired = CatalogDiffer.byKey(this.differ.desired().comments(), Comment::target);
		for (String key : CatalogDiffer.union(current, desired)) {
			Comment before = current.get(key);
			Comment after = desired.get(key);
			boolean beforeGone = before != null && this.differ.dropped().contains(before.owner());
			boolean afterNew = after != null && this.differ.created().contains(after.owner());
			String subject = "comment on " + key;
			if (beforeGone && before != null) {
				this.differ.add(Phase.COMMENT_REMOVALS,
						Step.removed(subject).consequential().down(SchemaSql.comment(key, before.text())));
			}
			if (afterNew && after != null) {
				this.differ.add(Phase.COMMENTS, Step.added(subject).consequential().up(SchemaSql.comment(key, after.text())));
			}
			Comment living = beforeGone ? null : before;
			Comment wanted = afterNew ? null : after;
			if (living != null && wanted != null && !living.text().equals(wanted.text())) {
				this.differ.add(Phase.COMMENTS, Step.changed(subject, Identifiers.literal(living.text()), Identifiers.literal(wanted.text()))
					.up(SchemaSql.comment(key, wanted.text()))
					.down(SchemaSql.comment(key, living.text())));
			}
			else if (living != null && wanted == null && !afterNew) {
				this.differ.add(Phase.COMMENTS, Step.removed(subject).up("COMMENT ON " + key + " IS NULL")
					.down(SchemaSql.comment(key, living.text())));
			}
			else if (wanted != null && living == null && !beforeGone) {
				this.differ.add(Phase.COMMENTS, Step.added(subject).up(SchemaSql.comment(key, wanted.text()))
					.down("COMMENT ON " + key + " IS NULL"));
			}
		}
	}

}
