package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Tells whether a transactional step still runs in the transaction the executor opened for it:
 * its transaction id, assigned before the step's script runs, must still be the current one
 * when the step is recorded (or fails), and the connection must still be out of autocommit.
 *
 * <p>
 * SQL revisions are refused at load when they hold {@code COMMIT}, {@code ROLLBACK} and the like;
 * only statements the splitter keeps whole (between {@code -- statement-begin} and
 * {@code -- statement-end}) could still hide one, so the guard costs its two round trips only
 * for Java revisions and for SQL revisions with such statements.
 */
final class TransactionGuard {

	private final long transactionId;

	private TransactionGuard(long transactionId) {
		this.transactionId = transactionId;
	}

	/**
	 * Whether a script could end its transaction without the load-time check seeing it.
	 * @param script the step's script, or {@code null} for a stamp
	 * @return whether to guard it
	 */
	static boolean needed(@Nullable RevisionScript script) {
		if (script instanceof RevisionScript.Java) {
			return true;
		}
		if (script instanceof RevisionScript.Sql sql) {
			for (SqlStatement statement : sql.statements()) {
				if (statement.sql().indexOf(';') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Start guarding the connection's current transaction (assigning it a transaction id, which
	 * its first write would do anyway).
	 * @param connection the run's connection, with autocommit off
	 * @return the guard
	 * @throws SQLException on a database error
	 */
	static TransactionGuard start(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT txid_current()")) {
			rs.next();
			return new TransactionGuard(rs.getLong(1));
		}
	}

	/**
	 * Find out whether the step ended its transaction.
	 * @param connection the run's connection
	 * @return how the step ended it, as the end of a sentence, or {@code null} when it still runs
	 * in it
	 * @throws SQLException on a database error
	 */
	@Nullable String endedBy(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			return "switched the connection to autocommit (setAutoCommit(true) commits)";
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT txid_current_if_assigned()")) {
			rs.next();
			long current = rs.getLong(1);
			if (!rs.wasNull() && current == this.transactionId) {
				return null;
			}
		}
		return "ended the transaction migrate opened for it (commit(), rollback() or a statement such as COMMIT)";
	}

	/**
	 * Whether the guarded transaction was committed, asked after the executor rolled back
	 * whatever was still open.
	 * @param connection the run's connection
	 * @return {@code true} if it committed, {@code false} if it was rolled back or its fate is
	 * unknown (the connection is gone)
	 */
	boolean committed(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT txid_status(" + this.transactionId + ")")) {
			return rs.next() && "committed".equals(rs.getString(1));
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
