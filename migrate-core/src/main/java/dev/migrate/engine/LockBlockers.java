package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The likely blockers of a revision that kept hitting {@code lock_timeout}: the other sessions
 * of this database holding granted locks on relations, oldest transaction first, at most
 * {@value #LIMIT}. Best effort: a failure to read them gives an empty list, never an error that
 * would hide the revision's.
 */
final class LockBlockers {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	static final int LIMIT = 5;

	private static final String SQL = """
			SELECT a.pid, a.application_name, a.state, a.xact_start,
			left(regexp_replace(a.query, '\\s+', ' ', 'g'), 80)
			FROM pg_catalog.pg_stat_activity a
			WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
			AND EXISTS (SELECT 1 FROM pg_catalog.pg_locks l WHERE l.pid = a.pid AND l.granted
			AND l.locktype = 'relation'
			AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))
			ORDER BY a.xact_start NULLS LAST, a.pid
			LIMIT\s""" + LIMIT;

	private LockBlockers() {
	}

	/**
	 * Read the sessions holding relation locks. Ends the transaction the read opens when the
	 * connection is not in autocommit.
	 * @param connection a connection to the database, outside a failed transaction
	 * @return the sessions, oldest transaction first; empty when none or when they cannot be read
	 */
	static List<Session> find(Connection connection) {
		List<Session> sessions = new ArrayList<>();
		try {
			try (PreparedStatement statement = connection.prepareStatement(SQL);
					ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Timestamp transactionStart = rs.getTimestamp(4);
					sessions.add(new Session(rs.getInt(1), rs.getString(2), rs.getString(3),
							(transactionStart != null) ? transactionStart.toInstant() : null, rs.getString(5)));
				}
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not read the sessions holding locks", ex);
			return List.of();
		}
		return sessions;
	}

	/**
	 * A session holding locks on relations.
	 *
	 * @param pid the backend process id
	 * @param applicationName its {@code application_name}, possibly empty
	 * @param state its state ({@code active}, {@code idle in transaction}...), or {@code null}
	 * @param transactionStart when its transaction began ({@code xact_start}), or {@code null}
	 * @param query the start of its current or last query, or {@code null}
	 */
	record Session(int pid, String applicationName, @Nullable String state, @Nullable Instant transactionStart,
			@Nullable String query) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("pid ").append(this.pid)
				.append(" (application '")
				.append((this.applicationName != null) ? this.applicationName : "")
				.append('\'');
			if (this.state != null) {
				text.append(", ").append(this.state);
			}
			if (this.transactionStart != null) {
				text.append(", transaction since ").append(this.transactionStart);
			}
			if (this.query != null && !this.query.isBlank()) {
				text.append(", query: ").append(this.query.strip());
			}
			return text.append(')').toString();
		}

	}

}
