package dev.migrate.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.migrate.schema.SchemaCatalog.Routine;

/**
 * Function and procedure differences: a changed body with the same signature and result is
 * replaced in place; anything else is dropped and created. Routines that column defaults or
 * {@code CHECK} constraints call are created before the tables and dropped after them; other
 * {@code LANGUAGE sql} routines, whose bodies name tables, are created after the tables and
 * dropped before them.
 */
final class RoutineDiffer {

	private final CatalogDiffer differ;

	RoutineDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}


	/** The key of a routine among the steps' keys. */
	static String key(Routine routine) {
		return "routine:" + CatalogDiffer.qualified(routine.name()) + "(" + routine.argumentTypes() + ")";
	}

	/** Whether a changed routine is replaced in place ({@code CREATE OR REPLACE}) rather than dropped and created. */
	static boolean replaceable(Routine before, Routine after) {
		return Objects.equals(before.result(), after.result()) && before.arguments().equals(after.arguments())
				&& before.procedure() == after.procedure();
	}

	void diff() {
		Function<Routine, String> keyOf = RoutineDiffer::key;
		Map<String, Routine> current = CatalogDiffer.byKey(this.differ.current().routines(), keyOf);
		Map<String, Routine> desired = CatalogDiffer.byKey(this.differ.desired().routines(), keyOf);
		for (String key : CatalogDiffer.union(current, desired)) {
			Routine before = current.get(key);
			Routine after = desired.get(key);
			Routine either = (before != null) ? before
					: Objects.requireNonNull(after, "a key of the union is in one catalog at least");
			String subject = (either.procedure() ? "procedure " : "function ") + either.name().display() + "("
					+ either.arguments() + ")";
			Phase createPhase = (after == null || after.usedByTables() || !"sql".equals(after.language()))
					? Phase.CREATE_ROUTINES : Phase.CREATE_SQL_ROUTINES;
			if (before == null) {
				this.differ.add(createPhase, Step.added(subject).up(create(either)).down(SchemaSql.dropRoutine(either)));
				this.differ.created().add(key);
			}
			else if (after == null) {
				Phase dropPhase = ("sql".equals(before.language()) && !before.usedByTables()) ? Phase.DROP_SQL_ROUTINES
						: Phase.DROP_ROUTINES;
				this.differ.add(dropPhase, Step.removed(subject).up(SchemaSql.dropRoutine(before)).down(create(before)));
				this.differ.dropped().add(key);
			}
			else if (!before.definition().equals(after.definition())) {
				if (replaceable(before, after)) {
					this.differ.add(createPhase, Step.changed(subject, before.definition(), after.definition())
						.up(create(after))
						.down(create(before)));
				}
				else {
					this.differ.add(Phase.DROP_REPLACED_ROUTINES, Step.changed(subject, before.definition(), after.definition())
						.up(SchemaSql.dropRoutine(before))
						.down(create(before))
						.hazard("drops " + subject + " to create it again (fails while other objects use it)"));
					this.differ.add(createPhase, Step.added(subject).consequential().up(create(after))
						.down(SchemaSql.dropRoutine(after)));
					this.differ.dropped().add(key);
					this.differ.created().add(key);
				}
			}
		}
	}

	/**
	 * The statements that create a routine. One that a column default or a CHECK constraint
	 * calls is created before the tables (and, on a downgrade, after they are dropped): when its
	 * SQL body is checked at creation, the tables it names may not exist yet, so checking is
	 * turned off for the rest of the revision's transaction, as pg_dump does for its whole script.
	 */
	private static List<String> create(Routine routine) {
		if (routine.usedByTables() && routine.checkedSqlBody()) {
			return List.of("SET LOCAL check_function_bodies = off", routine.definition());
		}
		return List.of(routine.definition());
	}

}
