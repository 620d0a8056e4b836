package dev.migrate.schema;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.schema.SchemaCatalog.Name;
import dev.migrate.schema.SchemaCatalog.Sequence;
import dev.migrate.schema.SchemaCatalog.Table;

/**
 * Sequence differences: created, dropped, options altered, and {@code OWNED BY} moved around
 * the table changes so that dropping a table never takes a sequence the desired schema keeps.
 */
final class SequenceDiffer {

	private final CatalogDiffer differ;

	SequenceDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}


	void diff() {
		Map<String, Sequence> current = CatalogDiffer.byKey(this.differ.current().sequences(), (sequence) -> CatalogDiffer.key(sequence.name()));
		Map<String, Sequence> desired = CatalogDiffer.byKey(this.differ.desired().sequences(), (sequence) -> CatalogDiffer.key(sequence.name()));
		for (String key : CatalogDiffer.union(current, desired)) {
			Sequence before = current.get(key);
			Sequence after = desired.get(key);
			Sequence either = (before != null) ? before
					: Objects.requireNonNull(after, "a key of the union is in one catalog at least");
			String subject = "sequence " + either.name().display();
			if (before == null) {
				this.differ.add(Phase.CREATE_SEQUENCES, Step.added(subject).up(SchemaSql.createSequence(either))
					.down(SchemaSql.dropSequence(either)));
				this.differ.created().add(key);
			}
			else if (after == null) {
				this.differ.add(Phase.DROP_SEQUENCES, Step.removed(subject).up(SchemaSql.dropSequence(before))
					.down(SchemaSql.createSequence(before))
					.hazard("drops sequence " + before.name().display() + " and its current value")
					.downgradeHazard("recreates sequence " + before.name().display() + " at its start value"));
				this.differ.dropped().add(key);
			}
			else if (!sameOptions(before, after)) {
				this.differ.add(Phase.CREATE_SEQUENCES, Step.changed(subject, SchemaSql.createSequence(before),
						SchemaSql.createSequence(after))
					.up(SchemaSql.alterSequence(after))
					.down(SchemaSql.alterSequence(before)));
			}
			boolean ownerChanges = before == null || after == null
					|| !Objects.equals(before.ownedByTable(), after.ownedByTable())
					|| !Objects.equals(before.ownedByColumn(), after.ownedByColumn());
			if (before != null && before.ownedByTable() != null && (ownerChanges
					|| this.differ.dropped().contains(CatalogDiffer.key(before.ownedByTable()))
					|| this.differ.dropped().contains(ownerColumnKey(this.differ.currentTables(), before)))) {
				this.differ.add(Phase.DISOWN_SEQUENCES, ownership(subject, before, after).up(SchemaSql.disownSequence(before))
					.down(SchemaSql.ownSequence(before)));
			}
			if (after != null && after.ownedByTable() != null && (ownerChanges
					|| this.differ.created().contains(CatalogDiffer.key(after.ownedByTable()))
					|| this.differ.created().contains(ownerColumnKey(this.differ.desiredTables(), after)))) {
				this.differ.add(Phase.OWN_SEQUENCES, ownership(subject, before, after).consequential()
					.up(SchemaSql.ownSequence(after))
					.down(SchemaSql.disownSequence(after)));
			}
		}
	}

	/**
	 * The key of the column that owns a sequence owned by one; its table is in the same catalog
	 * (PostgreSQL keeps an owned sequence in its table's schema).
	 */
	private static String ownerColumnKey(Map<String, Table> tables, Sequence sequence) {
		Name owner = Objects.requireNonNull(sequence.ownedByTable(), "an owned sequence");
		Table table = Objects.requireNonNull(tables.get(CatalogDiffer.key(owner)), "the owner table is read");
		return CatalogDiffer.columnKey(table, Objects.requireNonNull(sequence.ownedByColumn(), "an owned sequence"));
	}

	private static Step ownership(String subject, @Nullable Sequence before, @Nullable Sequence after) {
		if (before == null || after == null) {
			return Step.added(subject).consequential();
		}
		if (Objects.equals(before.ownedByTable(), after.ownedByTable())
				&& Objects.equals(before.ownedByColumn(), after.ownedByColumn())) {
			return Step.added(subject).consequential();
		}
		return Step.changed(subject, owner(before), owner(after));
	}

	private static String owner(Sequence sequence) {
		return (sequence.ownedByTable() != null)
				? "owned by " + sequence.ownedByTable().display() + ".\"" + sequence.ownedByColumn() + "\"" : "owned by none";
	}

	private static boolean sameOptions(Sequence a, Sequence b) {
		return a.type().equals(b.type()) && a.start() == b.start() && a.increment() == b.increment()
				&& a.min() == b.min() && a.max() == b.max() && a.cache() == b.cache() && a.cycle() == b.cycle();
	}

}
