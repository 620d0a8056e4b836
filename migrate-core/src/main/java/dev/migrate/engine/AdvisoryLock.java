package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.table.TableNames;

/**
 * The session-level advisory lock that serializes migrations. Taken by polling
 * {@code pg_try_advisory_lock} in autocommit, so a waiter never blocks inside the server nor
 * holds a snapshot (a waiter blocked in {@code pg_advisory_lock} would make the holder's
 * {@code CREATE INDEX CONCURRENTLY} wait for it forever).
 */
final class AdvisoryLock {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.lock");

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	private static final String HOLDER_SQL = """
			SELECT a.pid, a.application_name, host(a.client_addr), a.state_change
			FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
			AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
			AND l.classid = (?)::bigint::oid AND l.objid = (?)::bigint::oid AND l.pid <> pg_backend_pid()
			LIMIT 1""";

	private final LockKey key;

	private final String description;

	private final MigrationListener listener;

	/**
	 * Create the lock.
	 * @param key the advisory lock key
	 * @param description what the lock protects, for messages (e.g. {@code public.migrate_version})
	 * @param listener receives {@link MigrationEvent.LockWaiting} and
	 * {@link MigrationEvent.LockAcquired}
	 */
	AdvisoryLock(LockKey key, String description, MigrationListener listener) {
		this.key = key;
		this.description = description;
		this.listener = listener;
	}

	/**
	 * The lock of the tables of a configuration: the configured key, or the key derived from the
	 * schema (the configured one, or the connection's current schema) and the version table.
	 * @param connection a connection to the database
	 * @param lockKey the configured key, or {@code null}
	 * @param names the table names
	 * @param listener receives the lock events
	 * @return the lock
	 * @throws SQLException when the current schema cannot be read
	 */
	static AdvisoryLock forTables(Connection connection, @Nullable Long lockKey, TableNames names,
			MigrationListener listener) throws SQLException {
		String schema = Connections.schemaOf(connection, names.schema());
		LockKey key = (lockKey != null) ? new LockKey(lockKey) : LockKey.derive(schema, names.versionTable());
		return new AdvisoryLock(key,
				TableNames.quoteIdentifier(schema) + "." + TableNames.quoteIdentifier(names.versionTable()), listener);
	}

	/**
	 * Take the lock on a connection in autocommit, polling until the timeout.
	 * @param connection the dedicated connection of the run
	 * @param timeout how long to wait for another holder
	 * @param vocabulary how the caller names the timeout setting, for the failure
	 * @return how long it took
	 * @throws MigrateException {@code LOCK_TIMEOUT} naming the holder when the timeout passes
	 */
	Duration acquire(Connection connection, Duration timeout, Vocabulary vocabulary) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextReport = start;
		int attempt = 0;
		try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			tryLock.setLong(1, this.key.value());
			while (true) {
				if (tryOnce(tryLock)) {
					Duration waited = Duration.ofNanos(System.nanoTime() - start);
					if (attempt > 0) {
						logger.info("Took the migration lock on {} after waiting {} ms", this.description,
								waited.toMillis());
					}
					this.listener.onEvent(new MigrationEvent.LockAcquired(waited));
					return waited;
				}
				long now = System.nanoTime();
				if (now - deadline >= 0) {
					throw timedOut(holder(connection), Duration.ofNanos(now - start), timeout, vocabulary);
				}
				if (now - nextReport >= 0) {
					LockHolder holder = holder(connection);
					Duration waited = Duration.ofNanos(now - start);
					logger.info("Waiting for the migration lock on {} (key {}), held by {}; waited {} of {}",
							this.description, this.key, (holder != null) ? holder : "an unknown session",
							Durations.format(waited.withNanos(0)), Durations.format(timeout));
					this.listener.onEvent(new MigrationEvent.LockWaiting(holder, waited));
					nextReport = now + REPORT_EVERY.toNanos();
				}
				Backoff.sleep(Backoff.LOCK_POLL.pause(attempt++, deadline),
						() -> new MigrateException(ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock",
								"Nothing was changed; start again"));
			}
		}
		catch (SQLException ex) {
			throw DatabaseErrors.wrap(ex, "taking the migration lock on " + this.description, vocabulary);
		}
	}

	private boolean tryOnce(PreparedStatement tryLock) throws SQLException {
		try (ResultSet rs = tryLock.executeQuery()) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/**
	 * The failure of a wait that timed out.
	 * @param holder the session holding the lock, or {@code null} when it could not be seen
	 * @param waited how long the wait took
	 * @param timeout the timeout
	 * @param vocabulary how the caller names the timeout setting
	 * @return the exception to throw
	 */
	MigrateException timedOut(@Nullable LockHolder holder, Duration waited, Duration timeout, Vocabulary vocabulary) {
		String who = (holder != null) ? "It is held by " + holder + "."
				: "Its holder could not be seen in pg_locks (it may have just released it, "
						+ "or this role may not see other sessions).";
		String raise = "raise " + vocabulary.setting(Setting.LOCK_TIMEOUT);
		String action = (holder != null)
				? "Find that session (SELECT * FROM pg_stat_activity WHERE pid = " + holder.pid()
						+ "); if it is another instance migrating, let it finish; if it is stuck, stop it "
						+ "(SELECT pg_terminate_backend(" + holder.pid() + ")). Or " + raise
				: "Start again, or " + raise;
		return new MigrateException(ErrorCode.LOCK_TIMEOUT,
				"Could not take the migration lock on " + this.description + " (advisory lock key " + this.key
						+ ") within " + Durations.format(timeout) + " (waited " + waited.toMillis() + " ms). " + who,
				action);
	}

	/**
	 * The session holding the lock, or {@code null} when it is free or not visible.
	 * @param connection any connection to the database
	 * @return the holder or {@code null}
	 */
	@Nullable LockHolder holder(Connection connection) {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_SQL)) {
			statement.setLong(1, this.key.classId());
			statement.setLong(2, this.key.objId());
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				Timestamp since = rs.getTimestamp(4);
				return new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3),
						(since != null) ? since.toInstant() : null);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not read the holder of the migration lock", ex);
			return null;
		}
	}

	/**
	 * Release the lock. A failure is logged, not thrown, so it never hides the outcome of the
	 * run; the server releases a session lock anyway when the session ends.
	 * @param connection the connection that holds the lock
	 */
	void release(Connection connection) {
		try {
			if (connection.isClosed()) {
				logger.info("The connection that held the migration lock on {} is closed; the server released the "
						+ "lock with its session", this.description);
				return;
			}
		}
		catch (SQLException ex) {
			// fall through and try to unlock
		}
		try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			unlock.setLong(1, this.key.value());
			try (ResultSet rs = unlock.executeQuery()) {
				if (rs.next() && !rs.getBoolean(1)) {
					logger.warn("The migration lock on {} (key {}) was not held at unlock", this.description,
							this.key);
				}
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not release the migration lock on {} (key {}); it is released when the "
					+ "connection closes", this.description, this.key, ex);
		}
	}

}
