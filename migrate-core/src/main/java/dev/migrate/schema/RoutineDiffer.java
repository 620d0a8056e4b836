package dev.migrate.schema;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.migrate.schema.SchemaCatalog.Routine;

/**
 * Function and procedure differences: a changed body with the same signature and result is
 * replaced in place; anything else is dropped and created.
 */
final class RoutineDiffer {

	private final CatalogDiffer differ;

	RoutineDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}


	void diff() {
		Function<Routine, String> keyOf = (routine) -> "routine:" + CatalogDiffer.qualified(routine.name()) + "(" + routine.argumentTypes()
				+ ")";
		Map<String, Routine> current = CatalogDiffer.byKey(this.differ.current().routines(), keyOf);
		Map<String, Routine> desired = CatalogDiffer.byKey(this.differ.desired().routines(), keyOf);
		for (String key : CatalogDiffer.union(current, desired)) {
			Routine before = current.get(key);
			Routine after = desired.get(key);
			String subject = (((before != null) ? before : after).procedure() ? "procedure " : "function ")
					+ ((before != null) ? before : after).name().display() + "("
					+ ((before != null) ? before : after).arguments() + ")";
			Phase createPhase = (after != null && "sql".equals(after.language())) ? Phase.CREATE_SQL_ROUTINES
					: Phase.CREATE_ROUTINES;
			if (before == null) {
				this.differ.add(createPhase, Step.added(subject).up(after.definition()).down(SchemaSql.dropRoutine(after)));
				this.differ.created().add(key);
			}
			else if (after == null) {
				this.differ.add("sql".equals(before.language()) ? Phase.DROP_SQL_ROUTINES : Phase.DROP_ROUTINES,
						Step.removed(subject).up(SchemaSql.dropRoutine(before))
					.down(before.definition()));
				this.differ.dropped().add(key);
			}
			else if (!before.definition().equals(after.definition())) {
				boolean replaceable = Objects.equals(before.result(), after.result())
						&& before.arguments().equals(after.arguments()) && before.procedure() == after.procedure();
				if (replaceable) {
					this.differ.add(createPhase, Step.changed(subject, before.definition(), after.definition())
						.up(after.definition())
						.down(before.definition()));
				}
				else {
					this.differ.add(Phase.DROP_REPLACED_ROUTINES, Step.changed(subject, before.definition(), after.definition())
						.up(SchemaSql.dropRoutine(before))
						.down(before.definition())
						.hazard("drops " + subject + " to create it again (fails while other objects use it)"));
					this.differ.add(createPhase, Step.added(subject).consequential().up(after.definition())
						.down(SchemaSql.dropRoutine(after)));
					this.differ.dropped().add(key);
					this.differ.created().add(key);
				}
			}
		}
	}

}
