package dev.migrate.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migrate.schema.SchemaCatalog.Constraint;
import dev.migrate.schema.SchemaCatalog.Name;
import dev.migrate.schema.SchemaCatalog.Table;

/**
 * Constraint differences: dropped and added by name; a foreign key or check on a table that
 * already exists is added {@code NOT VALID} and validated in the non-transactional revision.
 */
final class ConstraintDiffer {

	private final CatalogDiffer differ;

	ConstraintDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}


	void diff() {
		Set<String> newlyReferenced = new HashSet<>();
		for (String key : CatalogDiffer.union(this.differ.currentTables(), this.differ.desiredTables())) {
			Table current = this.differ.currentTables().get(key);
			Table desired = this.differ.desiredTables().get(key);
			boolean tableDropped = this.differ.dropped().contains(key);
			boolean tableCreated = this.differ.created().contains(key);
			if (current != null) {
				for (Constraint constraint : current.constraints()) {
					Constraint target = (desired != null) ? desired.constraint(constraint.name()) : null;
					if (tableDropped) {
						if (constraint.isForeignKey()) {
							Name references = referenced(constraint);
							boolean explicit = !references.equals(current.name())
									&& this.differ.dropped().contains(CatalogDiffer.key(references));
							Step step = Step.removed(constraintSubject(current, constraint)).consequential();
							if (explicit) {
								step.up(SchemaSql.dropConstraint(current, constraint));
							}
							this.differ.add(Phase.DROP_FOREIGN_KEYS, step.down(SchemaSql.addConstraint(current, constraint)));
						}
					}
					else if (target == null || !target.definition().equals(constraint.definition())) {
						Step step = (target == null) ? Step.removed(constraintSubject(current, constraint))
								: Step.changed(constraintSubject(current, constraint), constraint.definition(),
										target.definition());
						step.up(SchemaSql.dropConstraint(current, constraint))
							.down(SchemaSql.addConstraint(current, constraint));
						addHazards(step, current, constraint, true);
						this.differ.add(constraint.isForeignKey() ? Phase.DROP_FOREIGN_KEYS : Phase.DROP_CONSTRAINTS, step);
						this.differ.dropped().add(CatalogDiffer.constraintKey(current, constraint));
					}
				}
			}
			if (desired != null) {
				for (Constraint constraint : desired.constraints()) {
					Constraint before = (current != null && !tableDropped) ? current.constraint(constraint.name()) : null;
					if (tableCreated) {
						if (constraint.isForeignKey()) {
							Step step = Step.added(constraintSubject(desired, constraint)).consequential()
								.up(SchemaSql.addConstraint(desired, constraint));
							Name references = referenced(constraint);
							if (!references.equals(desired.name())
									&& this.differ.created().contains(CatalogDiffer.key(references))) {
								step.down(SchemaSql.dropConstraint(desired, constraint));
							}
							this.differ.add(Phase.ADD_FOREIGN_KEYS, step);
						}
					}
					else if (before == null || !before.definition().equals(constraint.definition())) {
						addConstraint(desired, constraint, before != null);
						this.differ.created().add(CatalogDiffer.constraintKey(desired, constraint));
						if (constraint.isForeignKey()) {
							newlyReferenced.add(CatalogDiffer.key(referenced(constraint)));
						}
					}
				}
			}
		}
		this.differ.uniqueNeeded().addAll(newlyReferenced);
	}

	private void addConstraint(Table table, Constraint constraint, boolean changed) {
		String subject = constraintSubject(table, constraint);
		Step step = changed ? Step.added(subject).consequential() : Step.added(subject);
		boolean later = (constraint.type() == 'f' || constraint.type() == 'c')
				&& !constraint.definition().endsWith("NOT VALID");
		if (later) {
			step.up(SchemaSql.addConstraint(table, constraint) + " NOT VALID");
		}
		else {
			step.up(SchemaSql.addConstraint(table, constraint));
			addHazards(step, table, constraint, false);
		}
		step.down(SchemaSql.dropConstraint(table, constraint));
		this.differ.add(constraint.isForeignKey() ? Phase.ADD_FOREIGN_KEYS : Phase.ADD_CONSTRAINTS, step);
		if (later) {
			this.differ.add(Phase.ADD_FOREIGN_KEYS, Step.added(subject).consequential().nonTransactional()
				.up(SchemaSql.alterTable(table, "VALIDATE CONSTRAINT " + Identifiers.quote(constraint.name())))
				.hazard("may fail on existing rows (rows of " + table.name().display() + " that break constraint \""
						+ constraint.name() + "\")"));
		}
	}

	/** Hazards of adding the constraint to a table with rows: on the upgrade or on the downgrade. */
	private static void addHazards(Step step, Table table, Constraint constraint, boolean downgrade) {
		List<String> hazards = new ArrayList<>();
		switch (constraint.type()) {
			case 'p', 'u', 'x' -> {
				hazards.add("builds an index on " + table.name().display() + " under ACCESS EXCLUSIVE lock");
				hazards.add("may fail on existing rows (values that break constraint \"" + constraint.name() + "\")");
			}
			case 'f', 'c' -> {
				if (!constraint.definition().endsWith("NOT VALID")) {
					hazards.add("may fail on existing rows (rows that break constraint \"" + constraint.name()
							+ "\"); checks every row under lock");
				}
			}
			default -> {
			}
		}
		step.hazards(hazards, downgrade);
	}

	static String constraintSubject(Table table, Constraint constraint) {
		return CatalogDiffer.subject(table) + ": constraint \"" + constraint.name() + "\"";
	}

	/** The table a foreign key references. */
	private static Name referenced(Constraint foreignKey) {
		return Objects.requireNonNull(foreignKey.references(), "a foreign key references a table");
	}

}
