package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.migrate.ErrorCode;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.Redaction;
import dev.migrate.plan.Direction;
import dev.migrate.plan.Step;

/**
 * Keeps the progress of migrations in this application (startup action, running revision and
 * statement, lock wait, last run, totals) for the {@code migrations} endpoint, health indicator,
 * metrics and traffic gate. Thread-safe; receives the events of the auto-configured
 * {@link dev.migrate.Migrator}.
 */
public final class MigrationTracker implements MigrationListener {

	private final Object monitor = new Object();

	private volatile boolean startupPending;

	private boolean startupDone;

	private MigrateException startupFailure;

	private List<String> heads = List.of();

	private Instant runStartedAt;

	private final List<String> runApplied = new ArrayList<>();

	private Running running;

	private LockWait lockWait;

	private LastRun lastRun;

	private volatile int pending = -1;

	private final Map<Outcome, AtomicLong> runs = new EnumMap<>(Outcome.class);

	private final Map<Direction, AtomicLong> applied = new EnumMap<>(Direction.class);

	private final Map<Direction, Map<Outcome, DurationTotal>> revisionDurations = new EnumMap<>(Direction.class);

	private final DurationTotal lockWaits = new DurationTotal();

	/**
	 * Create a tracker.
	 * @param startupPending whether a startup action will run, so traffic is refused until it
	 * ends
	 */
	MigrationTracker(boolean startupPending) {
		this.startupPending = startupPending;
		for (Outcome outcome : Outcome.values()) {
			this.runs.put(outcome, new AtomicLong());
		}
		for (Direction direction : Direction.values()) {
			this.applied.put(direction, new AtomicLong());
			Map<Outcome, DurationTotal> byOutcome = new EnumMap<>(Outcome.class);
			for (Outcome outcome : Outcome.values()) {
				byOutcome.put(outcome, new DurationTotal());
			}
			this.revisionDurations.put(direction, byOutcome);
		}
	}

	@Override
	public void onEvent(MigrationEvent event) {
		Instant now = Instant.now();
		synchronized (this.monitor) {
			// first: the one event of a start with nothing to do, which then loads no other event class
			if (event instanceof MigrationEvent.RunFinished finished) {
				runFinished(finished, now);
			}
			else if (event instanceof MigrationEvent.LockWaiting waiting) {
				this.lockWait = new LockWait(waiting.holder(), waiting.waited());
			}
			else if (event instanceof MigrationEvent.LockAcquired acquired) {
				this.lockWait = null;
				this.lockWaits.record(acquired.waited());
			}
			else if (event instanceof MigrationEvent.RunStarted started) {
				this.runStartedAt = started.startedAt();
				this.runApplied.clear();
				if ("upgrade".equals(started.command())) {
					this.pending = started.plan().steps().size();
				}
			}
			else if (event instanceof MigrationEvent.RevisionStarted started) {
				this.running = new Running(idOf(started.step()), started.step().direction(), 0, 0,
						started.startedAt());
			}
			else if (event instanceof MigrationEvent.StatementStarted statement) {
				Running current = this.running;
				if (current != null) {
					this.running = new Running(current.revision(), current.direction(), statement.statement(),
							statement.statements(), current.startedAt());
				}
			}
			else if (event instanceof MigrationEvent.RevisionFinished finished) {
				Direction direction = finished.step().direction();
				this.applied.get(direction).incrementAndGet();
				this.revisionDurations.get(direction).get(Outcome.SUCCESS).record(finished.duration());
				this.runApplied.add(idOf(finished.step()));
				if (direction == Direction.UPGRADE && this.pending > 0) {
					this.pending--;
				}
				this.running = null;
			}
			else if (event instanceof MigrationEvent.RevisionFailed failed) {
				Instant started = (this.running != null) ? this.running.startedAt() : now;
				this.revisionDurations.get(failed.step().direction())
					.get(Outcome.FAILURE)
					.record(Duration.between(started, now));
				this.running = null;
			}
		}
	}

	private void runFinished(MigrationEvent.RunFinished finished, Instant now) {
		Outcome outcome = (finished.error() == null) ? Outcome.SUCCESS
				: (this.runStartedAt != null) ? Outcome.FAILURE : Outcome.REFUSED;
		this.runs.get(outcome).incrementAndGet();
		if (finished.error() != null && finished.error().code() == ErrorCode.LOCK_TIMEOUT && this.lockWait != null) {
			this.lockWaits.record(this.lockWait.waited());
		}
		Instant startedAt = (this.runStartedAt != null) ? this.runStartedAt
				: now.minus(finished.result().duration());
		List<String> completed = finished.result().completed();
		this.lastRun = new LastRun(startedAt, now, outcome, completed.isEmpty() ? List.copyOf(this.runApplied) : completed,
				(finished.error() != null) ? Redaction.redact(finished.error().getMessage()) : null);
		if (finished.error() == null) {
			this.heads = finished.result().headsAfter().stream().sorted().toList();
		}
		this.runStartedAt = null;
		this.runApplied.clear();
		this.running = null;
		this.lockWait = null;
	}

	private static String idOf(Step step) {
		return (step.revision() != null) ? step.revision().id() : "base";
	}

	/** Whether application traffic is refused because the startup action has not finished. */
	public boolean isRefusingTraffic() {
		return this.startupPending;
	}

	/** The startup action finished; the database is at the target with these heads. */
	void startupSucceeded(List<String> heads) {
		synchronized (this.monitor) {
			this.startupDone = true;
			this.startupFailure = null;
			this.heads = List.copyOf(heads);
			this.pending = 0;
		}
		this.startupPending = false;
	}

	/** The startup action failed; the application is about to stop. */
	void startupFailed(MigrateException failure) {
		synchronized (this.monitor) {
			this.startupFailure = failure;
		}
	}

	/** Record the number of pending revisions read from the database. */
	public void pending(int count) {
		this.pending = count;
	}

	/** A consistent view of the progress. */
	public Snapshot snapshot() {
		synchronized (this.monitor) {
			return new Snapshot(this.startupPending, this.startupDone, this.startupFailure, this.heads,
					this.runStartedAt != null || this.running != null || this.lockWait != null, this.running,
					this.lockWait, this.lastRun);
		}
	}

	/**
	 * The number of pending revisions, as last seen.
	 * @return the count, or {@code -1} before the first read
	 */
	public int pendingCount() {
		return this.pending;
	}

	/**
	 * The number of runs that ended with an outcome.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long runs(Outcome outcome) {
		return this.runs.get(outcome).get();
	}

	/**
	 * The number of revisions applied in a direction.
	 * @param direction the direction
	 * @return the count
	 */
	public long applied(Direction direction) {
		return this.applied.get(direction).get();
	}

	/**
	 * The durations of revisions by direction and outcome.
	 * @param direction the direction
	 * @param outcome the outcome
	 * @return the durations
	 */
	public DurationTotal revisionDurations(Direction direction, Outcome outcome) {
		return this.revisionDurations.get(direction).get(outcome);
	}

	/**
	 * The time taken to acquire the migration lock.
	 * @return the durations
	 */
	public DurationTotal lockWaits() {
		return this.lockWaits;
	}

	/** How a run or a revision ended. */
	public enum Outcome {

		/** It completed. */
		SUCCESS,

		/** It failed after it started running steps under the lock. */
		FAILURE,

		/**
		 * It was refused before anything ran (bad target, validation, lock timeout): the
		 * database did not change. Only runs end this way, never revisions.
		 */
		REFUSED

	}

	/**
	 * The revision being applied.
	 *
	 * @param revision its id
	 * @param direction upgrade, downgrade or stamp
	 * @param statement the 1-based number of the running statement, 0 before the first
	 * @param statements the number of statements, 0 before the first
	 * @param startedAt when the revision started
	 */
	public record Running(String revision, Direction direction, int statement, int statements, Instant startedAt) {
	}

	/**
	 * This instance waits for the migration lock.
	 *
	 * @param holder who holds it, or {@code null}
	 * @param waited how long this instance has waited
	 */
	public record LockWait(LockHolder holder, Duration waited) {
	}

	/**
	 * The last upgrade, downgrade or stamp run.
	 *
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param outcome how it ended
	 * @param applied the revisions it completed
	 * @param error the failure with credentials redacted, or {@code null}
	 */
	public record LastRun(Instant startedAt, Instant finishedAt, Outcome outcome, List<String> applied, String error) {
	}

	/**
	 * A consistent view of the tracker.
	 *
	 * @param startupPending whether the startup action has not finished
	 * @param startupDone whether the startup action succeeded
	 * @param startupFailure why the startup action failed, or {@code null}
	 * @param heads the version-table rows after the startup action or the last successful run
	 * @param active whether a run is in progress in this application
	 * @param running the running revision, or {@code null}
	 * @param lockWait the current lock wait, or {@code null}
	 * @param lastRun the last run, or {@code null}
	 */
	public record Snapshot(boolean startupPending, boolean startupDone, MigrateException startupFailure,
			List<String> heads, boolean active, Running running, LockWait lockWait, LastRun lastRun) {
	}

	/** Count and total time of recorded durations. */
	public static final class DurationTotal {

		private long count;

		private long totalNanos;

		synchronized void record(Duration duration) {
			this.count++;
			this.totalNanos += Math.max(0, duration.toNanos());
		}

		/**
		 * The number of recorded durations.
		 * @return the count
		 */
		public synchronized long count() {
			return this.count;
		}

		/**
		 * The total of the recorded durations.
		 * @return nanoseconds
		 */
		public synchronized double totalNanos() {
			return this.totalNanos;
		}

	}

}
