package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationResult;
import dev.migrate.plan.Plan;
import dev.migrate.table.TableNames;

/**
 * The write path of a command (upgrade, downgrade, stamp): plan from the state read without the
 * lock and return at once when there is nothing to do (the fast path); otherwise take the lock
 * on a dedicated connection, create the tables if needed, read the state again (another
 * instance may have done the work), plan again, run the plan and unlock.
 */
final class MigrationRun {

	/** Plans a command from a database state, validating the state first. */
	@FunctionalInterface
	interface Planning {

		Plan plan(DatabaseState state);

	}

	private final MigrateSettings settings;

	private final TableNames names;

	private final Connections connections;

	private final MigrationListener listener;

	private final StateReader reader;

	/**
	 * What writes to the database, made for the first run that has something to do (a start that
	 * finds nothing to do does not load them, nor look the host name up for the history rows).
	 */
	private final OnFirstUse<Writers> writers;

	MigrationRun(MigrateSettings settings, TableNames names, Connections connections, MigrationListener listener) {
		this.settings = settings;
		this.names = names;
		this.connections = connections;
		this.listener = listener;
		this.reader = new StateReader(names);
		this.writers = new OnFirstUse<>(() -> new Writers(new SchemaCreator(names, this.reader),
				new RevisionExecutor(settings, listener), new PendingHistory(names, settings.instance(), connections)));
	}

	/**
	 * Run a command.
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}, for events
	 * @param target the target as given, for events
	 * @param planning plans the command from a state
	 * @return what was done
	 * @throws MigrateException when validation, the lock or a step fails
	 */
	MigrationResult run(String command, String target, Planning planning) {
		long start = System.nanoTime();
		Plan plan = null;
		List<String> completed = new ArrayList<>();
		Set<String> headsAfterFailure = null;
		boolean locked = false;
		try {
			DatabaseState state = this.connections.read("reading the version table", this.reader::read);
			plan = planning.plan(state);
			if (plan.isEmpty()) {
				return finished(new MigrationResult(plan, completed, plan.headsAfter(), since(start), false));
			}
			try (Connection connection = this.connections.open()) {
				boolean autoCommit = connection.getAutoCommit();
				int networkTimeout = connection.getNetworkTimeout();
				connection.setNetworkTimeout(Runnable::run, millis(this.settings.networkTimeout()));
				connection.setAutoCommit(true);
				SessionSettings session = new SessionSettings(this.names.schema());
				AdvisoryLock lock = lock(connection);
				try {
					session.apply(connection);
					lock.acquire(connection, this.settings.lockTimeout(), this.settings.vocabulary());
					locked = true;
					try (RunRecorder recorder = new RunRecorder(connection, this.names, this.settings.instance())) {
						Writers writers = this.writers.get();
						writers.creator().ensureTables(connection);
						writers.pending().flush(connection);
						state = this.reader.read(connection);
						plan = planning.plan(state);
						this.listener.onEvent(new MigrationEvent.RunStarted(command, target, plan, Instant.now()));
						try {
							writers.executor().execute(new RunConnection(connection, recorder, session, writers.pending()),
									plan, completed);
						}
						catch (MigrateException ex) {
							headsAfterFailure = headsAfterFailure(connection, plan);
							throw ex;
						}
					}
				}
				finally {
					release(connection, session, lock, locked, autoCommit);
					restoreNetworkTimeout(connection, networkTimeout);
				}
			}
			return finished(new MigrationResult(plan, completed, plan.headsAfter(), since(start), true));
		}
		catch (MigrateException ex) {
			// the heads after a failure are read only once there is a plan
			MigrationResult result = (headsAfterFailure != null && plan != null)
					? new MigrationResult(plan, completed, headsAfterFailure, since(start), locked)
					: partial(plan, completed, start, locked);
			throw failed(result, ex);
		}
		catch (SQLException ex) {
			throw failed(partial(plan, completed, start, locked),
					DatabaseErrors.wrap(ex, "running " + command + " " + target, this.settings.vocabulary()));
		}
	}

	/**
	 * The result of a command found to have nothing to do before it ran (the database is at the
	 * given heads), reported as {@link #run} reports its fast path.
	 * @param heads the database's heads
	 * @param start when the command started ({@link System#nanoTime()})
	 * @return the result
	 */
	MigrationResult nothingToDo(Set<String> heads, long start) {
		Plan plan = new Plan(List.of(), heads, heads);
		return finished(new MigrationResult(plan, new ArrayList<>(), heads, since(start), false));
	}

	private AdvisoryLock lock(Connection connection) throws SQLException {
		return AdvisoryLock.forTables(connection, this.settings.lockKey(), this.names, this.listener);
	}

	private Set<String> headsAfterFailure(Connection connection, Plan plan) {
		try {
			return Set.copyOf(this.reader.heads(connection));
		}
		catch (SQLException | RuntimeException ex) {
			return plan.headsBefore();
		}
	}

	private void release(Connection connection, SessionSettings session, AdvisoryLock lock, boolean locked,
			boolean autoCommit) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			session.restore(connection);
		}
		catch (SQLException ex) {
			// the connection is gone; the lock went with it
		}
		if (locked) {
			lock.release(connection);
		}
		try {
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			// the connection is gone
		}
	}

	private static int millis(Duration timeout) {
		return (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE);
	}

	private static void restoreNetworkTimeout(Connection connection, int networkTimeout) {
		try {
			connection.setNetworkTimeout(Runnable::run, networkTimeout);
		}
		catch (SQLException ex) {
			// the connection is gone
		}
	}

	private MigrationResult finished(MigrationResult result) {
		this.listener.onEvent(new MigrationEvent.RunFinished(result, null));
		return result;
	}

	private MigrateException failed(MigrationResult result, MigrateException error) {
		this.listener.onEvent(new MigrationEvent.RunFinished(result, error));
		return error;
	}

	private static MigrationResult partial(@Nullable Plan plan, List<String> completed, long start, boolean locked) {
		Plan known = (plan != null) ? plan : new Plan(List.of(), Set.of(), Set.of());
		return new MigrationResult(known, completed, known.headsBefore(), since(start), locked);
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * The parts of a run that write: the migrate tables, the revisions, and history rows kept
	 * for later when they could not be written.
	 */
	private record Writers(SchemaCreator creator, RevisionExecutor executor, PendingHistory pending) {
	}

}
