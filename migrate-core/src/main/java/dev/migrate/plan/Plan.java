package dev.migrate.plan;

import java.util.List;
import java.util.Set;

/**
 * What a command will do to the database: its steps in order, and the heads before and after.
 * Plans are pure values, computed from the graph, the current heads and a target, without a
 * database.
 *
 * @param steps the steps in execution order; empty when there is nothing to do
 * @param headsBefore the version-table rows the plan starts from
 * @param headsAfter the version-table rows once every step has run
 */
public record Plan(List<Step> steps, Set<String> headsBefore, Set<String> headsAfter) {

	public Plan {
		steps = List.copyOf(steps);
		headsBefore = Set.copyOf(headsBefore);
		headsAfter = Set.copyOf(headsAfter);
	}

	/** Whether there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
