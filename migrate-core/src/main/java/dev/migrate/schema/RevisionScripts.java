package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the revision(s) for a list of {@link SchemaChange steps}: upgrade and downgrade
 * sections with a {@code -- hazard: ...} comment above each risky statement. Steps that must (or
 * should) run outside a transaction block, building an index {@code CONCURRENTLY} on a table that
 * already exists or validating a constraint added {@code NOT VALID}, go into a second,
 * non-transactional revision meant to run after the first; its downgrade runs before the first
 * one's.
 *
 * @param upgrade the upgrade section of the transactional revision (empty when it has nothing)
 * @param downgrade its downgrade section
 * @param nonTransactionalUpgrade the upgrade section of the non-transactional revision, or
 * empty when none is needed
 * @param nonTransactionalDowngrade its downgrade section
 */
public record RevisionScripts(String upgrade, String downgrade, String nonTransactionalUpgrade,
		String nonTransactionalDowngrade) {

	/**
	 * Render the steps.
	 * @param changes steps from {@link SchemaDiff#between}
	 * @return the sections
	 */
	public static RevisionScripts render(List<SchemaChange> changes) {
		List<SchemaChange> transactional = new ArrayList<>();
		List<SchemaChange> nonTransactional = new ArrayList<>();
		for (SchemaChange change : changes) {
			(change.nonTransactional() ? nonTransactional : transactional).add(change);
		}
		return new RevisionScripts(section(transactional, true), section(transactional, false),
				section(nonTransactional, true), section(nonTransactional, false));
	}

	/** Whether a second, non-transactional revision is needed. */
	public boolean hasNonTransactionalPart() {
		return !this.nonTransactionalUpgrade.isEmpty() || !this.nonTransactionalDowngrade.isEmpty();
	}

	/** Whether there is nothing to write at all. */
	public boolean isEmpty() {
		return this.upgrade.isEmpty() && this.downgrade.isEmpty() && !hasNonTransactionalPart();
	}

	private static String section(List<SchemaChange> changes, boolean upgrade) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < changes.size(); i++) {
			SchemaChange change = changes.get(upgrade ? i : changes.size() - 1 - i);
			List<String> statements = upgrade ? change.upgrade() : change.downgrade();
			if (statements.isEmpty()) {
				continue;
			}
			if (!text.isEmpty()) {
				text.append('\n');
			}
			for (String hazard : upgrade ? change.hazards() : change.downgradeHazards()) {
				text.append("-- hazard: ").append(hazard).append('\n');
			}
			for (String statement : statements) {
				text.append(statement).append(";\n");
			}
		}
		return text.toString();
	}

}
