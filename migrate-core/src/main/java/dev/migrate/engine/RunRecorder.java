package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.plan.Step;
import dev.migrate.plan.VersionChange;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Writes the version-table changes and history rows of one run on its dedicated connection,
 * reusing one prepared statement per kind of write for the whole run (so the server plans them
 * once). Close it when the run ends.
 */
final class RunRecorder implements AutoCloseable {

	private final Connection connection;

	private final VersionTableSql versionSql;

	private final HistoryTableSql historySql;

	private final String instance;

	private PreparedStatement insertVersion;

	private PreparedStatement deleteVersion;

	private PreparedStatement updateVersion;

	private PreparedStatement insertHistory;

	RunRecorder(Connection connection, TableNames names, String instance) {
		this.connection = connection;
		this.versionSql = new VersionTableSql(names);
		this.historySql = new HistoryTableSql(names);
		this.instance = instance;
	}

	/**
	 * Apply a step's version-table changes in order, in the connection's current transaction.
	 * @param step the step
	 * @throws SQLException on a database error
	 * @throws MigrateException {@code VERSION_TABLE_CONFLICT} when a row to replace or remove is
	 * missing, or a row to add is already there
	 */
	void applyVersionChanges(Step step) throws SQLException {
		for (VersionChange change : step.versionChanges()) {
			if (change instanceof VersionChange.Insert insert) {
				PreparedStatement statement = insertVersion();
				statement.setString(1, insert.revision());
				int count;
				try {
					count = statement.executeUpdate();
				}
				catch (SQLException ex) {
					if (ServerError.UNIQUE_VIOLATION.equals(ex.getSQLState())) {
						throw conflict(step, "add the row '" + insert.revision() + "'", "it is already there", ex);
					}
					throw ex;
				}
				expectOne(count, step, "add the row '" + insert.revision() + "'");
			}
			else if (change instanceof VersionChange.Delete delete) {
				PreparedStatement statement = deleteVersion();
				statement.setString(1, delete.revision());
				expectOne(statement.executeUpdate(), step, "remove the row '" + delete.revision() + "'");
			}
			else if (change instanceof VersionChange.Update update) {
				PreparedStatement statement = updateVersion();
				statement.setString(1, update.to());
				statement.setString(2, update.from());
				expectOne(statement.executeUpdate(), step,
						"replace the row '" + update.from() + "' with '" + update.to() + "'");
			}
		}
	}

	private void expectOne(int count, Step step, String what) {
		if (count != 1) {
			throw conflict(step, what, (count == 0) ? "no row matched" : count + " rows matched", null);
		}
	}

	private MigrateException conflict(Step step, String what, String found, Throwable cause) {
		return new MigrateException(ErrorCode.VERSION_TABLE_CONFLICT,
				"Recording '" + step.describe() + "' had to " + what + " in the version table "
						+ this.versionSql.names().qualifiedVersionTable() + ", but " + found
						+ "; someone changed the table while this run held the migration lock",
				"Nothing of this step was recorded (its transaction was rolled back). Check the version table "
						+ "(current), find who else writes it (another tool, or an instance with a different "
						+ "lock key), and start again",
				cause);
	}

	/**
	 * Insert a history row in the connection's current transaction.
	 * @param record the row
	 * @throws SQLException on a database error
	 */
	void record(HistoryRecord record) throws SQLException {
		PreparedStatement statement = insertHistory();
		statement.setString(1, record.revision());
		statement.setString(2, record.direction());
		setNullable(statement, 3, record.message());
		setNullable(statement, 4, record.checksum());
		statement.setTimestamp(5, Timestamp.from(record.startedAt()));
		statement.setTimestamp(6, Timestamp.from(record.finishedAt()));
		statement.setLong(7, record.executionMs());
		statement.setBoolean(8, record.success());
		setNullable(statement, 9, record.error());
		statement.setString(10, this.instance);
		statement.executeUpdate();
	}

	private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
		if (value != null) {
			statement.setString(index, value);
		}
		else {
			statement.setNull(index, Types.VARCHAR);
		}
	}

	private PreparedStatement insertVersion() throws SQLException {
		if (this.insertVersion == null) {
			this.insertVersion = this.connection.prepareStatement(this.versionSql.insert());
		}
		return this.insertVersion;
	}

	private PreparedStatement deleteVersion() throws SQLException {
		if (this.deleteVersion == null) {
			this.deleteVersion = this.connection.prepareStatement(this.versionSql.delete());
		}
		return this.deleteVersion;
	}

	private PreparedStatement updateVersion() throws SQLException {
		if (this.updateVersion == null) {
			this.updateVersion = this.connection.prepareStatement(this.versionSql.update());
		}
		return this.updateVersion;
	}

	private PreparedStatement insertHistory() throws SQLException {
		if (this.insertHistory == null) {
			this.insertHistory = this.connection.prepareStatement(this.historySql.insert());
		}
		return this.insertHistory;
	}

	@Override
	public void close() {
		closeQuietly(this.insertVersion);
		closeQuietly(this.deleteVersion);
		closeQuietly(this.updateVersion);
		closeQuietly(this.insertHistory);
	}

	private static void closeQuietly(PreparedStatement statement) {
		if (statement != null) {
			try {
				statement.close();
			}
			catch (SQLException ex) {
				// the connection is going away; nothing to do
			}
		}
	}

}
