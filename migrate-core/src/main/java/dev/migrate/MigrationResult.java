package dev.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.migrate.plan.Plan;

/**
 * What a run did.
 *
 * @param plan the plan that ran (computed under the lock)
 * @param completed ids of the revisions whose steps completed, in order
 * @param headsAfter the version-table rows after the run
 * @param duration how long the run took, lock wait included
 * @param lockTaken whether the lock was taken (false on the fast path)
 */
public record MigrationResult(Plan plan, List<String> completed, Set<String> headsAfter, Duration duration,
		boolean lockTaken) {

	public MigrationResult {
		completed = List.copyOf(completed);
		headsAfter = Set.copyOf(headsAfter);
	}

}
