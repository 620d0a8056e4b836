package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two {@link SchemaCatalog catalogs}: the steps that turn one into the other, and the
 * differences as sentences for a drift report.
 */
public final class SchemaDiff {

	private SchemaDiff() {
	}

	/**
	 * The steps that turn {@code current} into {@code desired}, in an order that respects
	 * dependencies; their downgrades, in the reverse order, turn {@code desired} back into
	 * {@code current}. Renames are not guessed: a renamed object is dropped and added.
	 * @param current the schema as it is (the database a revision will run on)
	 * @param desired the schema as it should be
	 * @return the steps, empty when the catalogs do not differ
	 */
	public static List<SchemaChange> between(SchemaCatalog current, SchemaCatalog desired) {
		return new CatalogDiffer(current, desired).diff();
	}

	/**
	 * The differences a drift check reports, one sentence each, e.g. {@code table "account":
	 * column "nickname" exists in the database but no revision creates it}; steps that only
	 * follow from another difference are left out.
	 * @param changes the steps of {@code between(live database, schema the revisions build)}
	 * @return the sentences, in the order of the steps
	 */
	public static List<String> describeDrift(List<SchemaChange> changes) {
		List<String> lines = new ArrayList<>();
		for (SchemaChange change : changes) {
			if (change.consequential()) {
				continue;
			}
			lines.add(switch (change.difference()) {
				case REMOVED -> change.subject() + " exists in the database but no revision creates it";
				case ADDED -> change.subject() + " is created by the revisions but missing from the database";
				case CHANGED -> change.subject() + " differs: " + SchemaChange.brief(change.currentState())
						+ " in the database, " + SchemaChange.brief(change.desiredState()) + " in the revisions";
			});
		}
		return lines;
	}

}
