package dev.migrate.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrate.revision.Revision;

/**
 * One step of a {@link Plan}: a revision run up or down, or a stamp, with the version-table
 * changes that record it.
 *
 * @param direction what the step does
 * @param revision the revision run (upgrade, downgrade) or stamped to; {@code null} only for a
 * stamp to base
 * @param from the heads this step moves away from, for messages ({@code Running upgrade <from> ->
 * <to>}): for an upgrade the revision's down revisions, for a downgrade the revision itself
 * @param to the heads this step moves to: for an upgrade the revision, for a downgrade its down
 * revisions
 * @param versionChanges the version-table changes, applied in order
 */
public record Step(Direction direction, @Nullable Revision revision, List<String> from, List<String> to,
		List<VersionChange> versionChanges) {

	public Step {
		from = List.copyOf(from);
		to = List.copyOf(to);
		versionChanges = List.copyOf(versionChanges);
	}

	/**
	 * Alembic's log line for this step, e.g.
	 * {@code Running upgrade 1975ea83b712 -> ae1027a6acf0, add last transaction column}.
	 * @return the description
	 */
	public String describe() {
		String verb = switch (this.direction) {
			case UPGRADE -> "upgrade";
			case DOWNGRADE -> "downgrade";
			case STAMP -> "stamp_revision";
		};
		String text = "Running " + verb + " " + String.join(", ", this.from) + " -> " + String.join(", ", this.to);
		if (this.direction != Direction.STAMP && this.revision != null && !this.revision.message().isEmpty()) {
			text += ", " + this.revision.message();
		}
		return text;
	}

}
