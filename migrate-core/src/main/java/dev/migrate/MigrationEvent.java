package dev.migrate;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.migrate.plan.Plan;
import dev.migrate.plan.Step;

/**
 * Progress of a run, as reported to a {@link MigrationListener}. Events arrive on the thread
 * that runs the migration, in order.
 */
public sealed interface MigrationEvent {

	/**
	 * The migration lock is held by someone else; sent every few seconds while waiting.
	 *
	 * @param holder who holds it, or {@code null} when it cannot be seen
	 * @param waited how long this instance has waited so far
	 */
	record LockWaiting(@Nullable LockHolder holder, Duration waited) implements MigrationEvent {
	}

	/**
	 * The migration lock was taken.
	 *
	 * @param waited how long it took
	 */
	record LockAcquired(Duration waited) implements MigrationEvent {
	}

	/**
	 * A run starts, under the lock, with its plan computed from the re-read state.
	 *
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param target the target as given
	 * @param plan what will run
	 * @param startedAt when the run started
	 */
	record RunStarted(String command, String target, Plan plan, Instant startedAt) implements MigrationEvent {
	}

	/**
	 * A step starts.
	 *
	 * @param step the step
	 * @param index its 1-based position in the plan
	 * @param count the number of steps in the plan
	 * @param startedAt when it started
	 */
	record RevisionStarted(Step step, int index, int count, Instant startedAt) implements MigrationEvent {
	}

	/**
	 * A statement of the running step starts.
	 *
	 * @param step the step
	 * @param statement its 1-based number in the step
	 * @param statements the number of statements in the step
	 * @param line the line of the statement in its file, or 0 for Java revisions
	 */
	record StatementStarted(Step step, int statement, int statements, int line) implements MigrationEvent {
	}

	/**
	 * A transactional step hit {@code lock_timeout}; it was rolled back and will be retried.
	 *
	 * @param step the step
	 * @param attempt the attempt that failed (1-based)
	 * @param backoff how long the executor waits before the next attempt
	 */
	record DdlLockRetry(Step step, int attempt, Duration backoff) implements MigrationEvent {
	}

	/**
	 * A step finished and is recorded.
	 *
	 * @param step the step
	 * @param duration how long it ran
	 */
	record RevisionFinished(Step step, Duration duration) implements MigrationEvent {
	}

	/**
	 * A step failed; nothing of it is recorded as applied.
	 *
	 * @param step the step
	 * @param error what went wrong
	 */
	record RevisionFailed(Step step, MigrateException error) implements MigrationEvent {
	}

	/**
	 * A run ended, successfully or not.
	 *
	 * @param result what was done (the steps finished before a failure included)
	 * @param error the failure, or {@code null}
	 */
	record RunFinished(MigrationResult result, @Nullable MigrateException error) implements MigrationEvent {
	}

}
