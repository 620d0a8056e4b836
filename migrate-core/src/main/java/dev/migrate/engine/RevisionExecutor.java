package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Step;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionScript;
import dev.migrate.table.HistoryTableSql;

/**
 * Runs the steps of a plan on the run's connection. A transactional step runs in one
 * transaction with {@code SET LOCAL lock_timeout}, its statements, its version-table changes and
 * its history row, the {@code COMMIT} sent with the last of them (with {@code singleTransaction},
 * consecutive transactional steps share one transaction); when {@code lock_timeout} fires the transaction is rolled back and retried after
 * a backoff. A non-transactional step runs its statements in autocommit, then records itself in a
 * short transaction, then resets the session. A failure rolls back, records a failed history row
 * in its own transaction and throws.
 */
final class RevisionExecutor {

	private final MigrateSettings settings;

	private final MigrationListener listener;

	private final StatementRunner runner;

	private final RunLogger log = new RunLogger();

	private final String setLockTimeout;

	RevisionExecutor(MigrateSettings settings, MigrationListener listener) {
		this.settings = settings;
		this.listener = listener;
		this.runner = new StatementRunner(listener);
		this.setLockTimeout = "SET LOCAL lock_timeout = '" + settings.ddlLockTimeout().toMillis() + "ms'";
	}

	/**
	 * Run a plan.
	 * @param run the run's connection, recorder and session settings
	 * @param plan the plan
	 * @param completed receives the ids of the steps' revisions as they are committed
	 * @throws MigrateException when a step fails; the steps committed before stay
	 */
	void execute(RunConnection run, Plan plan, List<String> completed) {
		List<Step> steps = plan.steps();
		int count = steps.size();
		int i = 0;
		while (i < count) {
			Step step = steps.get(i);
			if (!isTransactional(step)) {
				runNonTransactional(run, step, i + 1, count, completed);
				i++;
				continue;
			}
			int end = i + 1;
			if (this.settings.singleTransaction()) {
				while (end < count && isTransactional(steps.get(end))) {
					end++;
				}
			}
			runTransactional(run, steps.subList(i, end), i, count, completed);
			i = end;
		}
	}

	private static boolean isTransactional(Step step) {
		return switch (step.direction()) {
			case STAMP -> true;
			case UPGRADE, DOWNGRADE -> FailureReport.revisionOf(step).transactional();
		};
	}

	private void runTransactional(RunConnection run, List<Step> unit, int offset, int count, List<String> completed) {
		Connection connection = run.connection();
		int attempts = this.settings.ddlLockRetries() + 1;
		for (int attempt = 1;; attempt++) {
			List<Finished> finished = new ArrayList<>(unit.size());
			Step current = null;
			Instant startedAt = null;
			TransactionGuard guard = null;
			try {
				connection.setAutoCommit(false);
				for (int k = 0; k < unit.size(); k++) {
					current = unit.get(k);
					startedAt = Instant.now();
					long start = System.nanoTime();
					this.listener.onEvent(new MigrationEvent.RevisionStarted(current, offset + k + 1, count, startedAt));
					this.log.stepStarted(current);
					RevisionScript script = script(current);
					guard = TransactionGuard.needed(script) ? TransactionGuard.start(connection) : null;
					this.runner.run(connection, current, script, (k == 0) ? this.setLockTimeout : null);
					String endedBy = (guard != null) ? guard.endedBy(connection) : null;
					if (endedBy != null) {
						throw new TransactionEnded(endedBy);
					}
					run.recorder().recordStep(current, success(current, startedAt, Instant.now()), k == unit.size() - 1);
					finished.add(new Finished(current, Duration.ofNanos(System.nanoTime() - start)));
				}
				connection.commit();
				connection.setAutoCommit(true);
			}
			catch (TransactionEnded ended) {
				boolean autocommit = autoCommit(connection);
				rollback(connection);
				// thrown while running a step, by its guard
				Step step = Objects.requireNonNull(current);
				boolean committed = Objects.requireNonNull(guard).committed(connection);
				throw failed(run, step, startedAt,
						endedTransaction(step, ended.how, null, committed, autocommit, finished, completed));
			}
			catch (StatementFailure failure) {
				boolean autocommit = autoCommit(connection);
				rollback(connection);
				// thrown while running a step
				Step step = Objects.requireNonNull(current);
				if (guard != null && guard.committed(connection)) {
					throw failed(run, step, startedAt, endedTransaction(step,
							"ended the transaction migrate opened for it", failure, true, autocommit, finished,
							completed));
				}
				if (failure.isLockTimeout() && attempt < attempts) {
					Duration backoff = Backoff.DDL_RETRY.pause(attempt - 1);
					this.log.stepRetrying(step, attempt, backoff, Objects.requireNonNull(failure.serverError()).text());
					this.listener.onEvent(new MigrationEvent.DdlLockRetry(step, attempt, backoff));
					Backoff.sleep(backoff, () -> new MigrateException(ErrorCode.DDL_LOCK_TIMEOUT,
							"Interrupted while waiting to retry a revision that hit lock_timeout",
							"Nothing of that revision was applied; start again"));
					continue;
				}
				MigrateException error = failure.isLockTimeout()
						? FailureReport.ddlLockTimeout(step, failure, attempt, this.settings,
								LockBlockers.find(connection))
						: FailureReport.revisionFailed(step, failure, true, finished.size(),
								this.settings.vocabulary());
				throw fatal(failure, failed(run, step, startedAt, error));
			}
			catch (MigrateException ex) {
				rollback(connection);
				throw failed(run, current, startedAt, ex);
			}
			catch (SQLException ex) {
				rollback(connection);
				throw failed(run, current, startedAt, recordingFailed(current, ex, true));
			}
			catch (RuntimeException | Error ex) {
				rollback(connection);
				throw ex;
			}
			for (Finished done : finished) {
				if (done.step().revision() != null) {
					completed.add(done.step().revision().id());
				}
				this.log.stepFinished(done.step(), done.duration());
				this.listener.onEvent(new MigrationEvent.RevisionFinished(done.step(), done.duration()));
			}
			return;
		}
	}

	private void runNonTransactional(RunConnection run, Step step, int index, int count, List<String> completed) {
		Connection connection = run.connection();
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		this.listener.onEvent(new MigrationEvent.RevisionStarted(step, index, count, startedAt));
		this.log.stepStarted(step);
		try {
			List<String> invalidIndexes;
			try {
				connection.setAutoCommit(true);
				Map<String, String> invalidBefore = InvalidIndexes.all(connection);
				this.runner.run(connection, step, script(step));
				invalidIndexes = InvalidIndexes.leftBy(invalidBefore, InvalidIndexes.all(connection), script(step));
			}
			catch (StatementFailure failure) {
				throw fatal(failure, failed(run, step, startedAt, FailureReport.revisionFailed(step, failure, false, 0,
						this.settings.vocabulary())));
			}
			catch (SQLException ex) {
				throw failed(run, step, startedAt, recordingFailed(step, ex, false));
			}
			if (!invalidIndexes.isEmpty()) {
				throw failed(run, step, startedAt, FailureReport.invalidIndexes(step, invalidIndexes));
			}
			try {
				run.recorder().recheckPrepared();
				connection.setAutoCommit(false);
				run.recorder().recordStep(step, success(step, startedAt, Instant.now()), true);
				connection.commit();
				connection.setAutoCommit(true);
			}
			catch (MigrateException ex) {
				rollback(connection);
				throw failed(run, step, startedAt, ex);
			}
			catch (SQLException ex) {
				rollback(connection);
				throw failed(run, step, startedAt, recordingFailed(step, ex, false));
			}
		}
		finally {
			resetSession(run);
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		completed.add(FailureReport.revisionOf(step).id());
		this.log.stepFinished(step, duration);
		this.listener.onEvent(new MigrationEvent.RevisionFinished(step, duration));
	}

	private void resetSession(RunConnection run) {
		try {
			run.connection().setAutoCommit(true);
			run.session().resetAfterRevision(run.connection());
		}
		catch (SQLException ex) {
			this.log.warn("Could not reset the session after a non-transactional revision: {}", ex.getMessage());
		}
	}

	private static @Nullable RevisionScript script(Step step) {
		return switch (step.direction()) {
			case UPGRADE -> FailureReport.revisionOf(step).upgrade();
			case DOWNGRADE -> FailureReport.revisionOf(step).downgrade();
			case STAMP -> null;
		};
	}

	static String direction(Step step) {
		return switch (step.direction()) {
			case UPGRADE -> HistoryTableSql.UPGRADE;
			case DOWNGRADE -> HistoryTableSql.DOWNGRADE;
			case STAMP -> HistoryTableSql.STAMP;
		};
	}

	private static HistoryRecord success(Step step, Instant startedAt, Instant finishedAt) {
		return record(step, startedAt, finishedAt, true, null);
	}

	private static HistoryRecord record(Step step, Instant startedAt, Instant finishedAt, boolean success,
			@Nullable String error) {
		Revision revision = step.revision();
		return new HistoryRecord((revision != null) ? revision.id() : null, direction(step),
				(revision != null) ? revision.message() : null, (revision != null) ? revision.checksum() : null,
				startedAt, finishedAt, success, error);
	}

	private MigrateException recordingFailed(@Nullable Step step, SQLException ex, boolean transactional) {
		ServerError error = ServerError.of(ex);
		String what = (step != null) ? FailureReport.what(step) : "Starting the revision's transaction";
		return new MigrateException(ErrorCode.DATABASE,
				what + " failed outside its statements (setting lock_timeout, writing the version or history "
						+ "table, or committing): "
						+ ((error.sqlState() != null) ? "SQLSTATE " + error.sqlState() + ": " : "") + error.text(),
				(transactional ? "Its transaction was rolled back unless the commit itself was cut off; "
						: "Its statements ran but it is not recorded as applied; it must be re-runnable. ")
						+ (ConnectionLoss.is(error)
								? ConnectionLoss.advice(error, ex, this.settings.vocabulary())
										+ ", and check current and history"
								: "Check the database (current, history) and start again"),
				ex);
	}

	/**
	 * Record a failure in its own transaction (never masking the failure itself), tell the
	 * listener, and give back the exception to throw.
	 */
	private MigrateException failed(RunConnection run, @Nullable Step step, @Nullable Instant startedAt,
			MigrateException error) {
		// no step: the failure came before the first one started (the step and its start are set together)
		if (step != null && startedAt != null) {
			Connection connection = run.connection();
			HistoryRecord failure = record(step, startedAt, Instant.now(), false, error.getMessage());
			try {
				connection.setAutoCommit(false);
				run.recorder().record(failure);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection);
				run.pending().writeElsewhere(failure, ex);
			}
			finally {
				try {
					connection.setAutoCommit(true);
				}
				catch (SQLException ex) {
					// the connection is gone; the caller closes it
				}
			}
			this.listener.onEvent(new MigrationEvent.RevisionFailed(step, error));
		}
		return error;
	}

	/**
	 * The failure of a step that ended its transaction: the steps before it in the same
	 * transaction were committed with it when it committed, and count as completed then.
	 */
	private MigrateException endedTransaction(Step step, String how, @Nullable StatementFailure failure,
			boolean committed, boolean autocommit, List<Finished> finished, List<String> completed) {
		if (committed) {
			for (Finished done : finished) {
				if (done.step().revision() != null) {
					completed.add(done.step().revision().id());
				}
				this.log.stepFinished(done.step(), done.duration());
			}
		}
		return FailureReport.transactionEnded(step, how, failure, committed, autocommit, finished.size());
	}

	/**
	 * The exception to throw for a step whose failure is recorded: the virtual machine's own
	 * errors (out of memory, stack overflow) thrown by a Java revision go on as they are.
	 */
	private static RuntimeException fatal(StatementFailure failure, MigrateException recorded) {
		if (failure.getCause() instanceof VirtualMachineError error) {
			throw error;
		}
		return recorded;
	}

	private static boolean autoCommit(Connection connection) {
		try {
			return connection.getAutoCommit();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void rollback(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			// the connection is gone: the server rolled the transaction back
		}
	}

	private record Finished(Step step, Duration duration) {
	}

	/** A step ended the transaction the executor opened for it. */
	private static final class TransactionEnded extends Exception {

		private static final long serialVersionUID = 1L;

		private final String how;

		TransactionEnded(String how) {
			super(how, null, false, false);
			this.how = how;
		}

	}

}
