package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.plan.Step;
import dev.migrate.plan.VersionChange;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Writes the version-table changes and history rows of one run on its dedicated connection.
 * Each kind of write is one prepared statement reused for the whole run (the server plans it
 * once), and a step's last version-table change travels with its history row in one round trip
 * (one prepared statement holding both, which pgjdbc sends together). Close it when the run
 * ends.
 */
final class RunRecorder implements AutoCloseable {

	private enum Kind {

		INSERT, DELETE, UPDATE

	}

	private final Connection connection;

	private final VersionTableSql versionSql;

	private final HistoryTableSql historySql;

	private final String instance;

	private final Map<Kind, PreparedStatement> changes = new EnumMap<>(Kind.class);

	private final Map<Kind, PreparedStatement> changesWithHistory = new EnumMap<>(Kind.class);

	private PreparedStatement insertHistory;

	RunRecorder(Connection connection, TableNames names, String instance) {
		this.connection = connection;
		this.versionSql = new VersionTableSql(names);
		this.historySql = new HistoryTableSql(names);
		this.instance = instance;
	}

	/**
	 * Record a step in the connection's current transaction: its version-table changes in order,
	 * then its history row.
	 * @param step the step
	 * @param record its history row
	 * @throws SQLException on a database error
	 * @throws MigrateException {@code VERSION_TABLE_CONFLICT} when a row to replace or remove is
	 * missing, or a row to add is already there
	 */
	void recordStep(Step step, HistoryRecord record) throws SQLException {
		List<VersionChange> versionChanges = step.versionChanges();
		if (versionChanges.isEmpty()) {
			record(record);
			return;
		}
		for (int i = 0; i < versionChanges.size() - 1; i++) {
			VersionChange change = versionChanges.get(i);
			PreparedStatement statement = statement(this.changes, kind(change), false);
			bind(statement, change);
			expectOne(execute(statement, step, change), step, change);
		}
		VersionChange last = versionChanges.get(versionChanges.size() - 1);
		PreparedStatement statement = statement(this.changesWithHistory, kind(last), true);
		int next = bind(statement, last);
		bindHistory(statement, next, record);
		expectOne(execute(statement, step, last), step, last);
		if (!statement.getMoreResults() && statement.getUpdateCount() != 1) {
			throw new SQLException("The history row of " + step.describe() + " was not inserted");
		}
	}

	/**
	 * Insert a history row alone in the connection's current transaction (a failure, an
	 * accepted checksum).
	 * @param record the row
	 * @throws SQLException on a database error
	 */
	void record(HistoryRecord record) throws SQLException {
		if (this.insertHistory == null) {
			this.insertHistory = this.connection.prepareStatement(this.historySql.insert());
		}
		bindHistory(this.insertHistory, 1, record);
		this.insertHistory.executeUpdate();
	}

	private PreparedStatement statement(Map<Kind, PreparedStatement> cache, Kind kind, boolean withHistory)
			throws SQLException {
		PreparedStatement statement = cache.get(kind);
		if (statement == null) {
			String sql = switch (kind) {
				case INSERT -> this.versionSql.insert();
				case DELETE -> this.versionSql.delete();
				case UPDATE -> this.versionSql.update();
			};
			statement = this.connection.prepareStatement(withHistory ? sql + ";\n" + this.historySql.insert() : sql);
			cache.put(kind, statement);
		}
		return statement;
	}

	private static Kind kind(VersionChange change) {
		if (change instanceof VersionChange.Insert) {
			return Kind.INSERT;
		}
		return (change instanceof VersionChange.Delete) ? Kind.DELETE : Kind.UPDATE;
	}

	/** Bind a change's parameters from index 1; returns the next free index. */
	private static int bind(PreparedStatement statement, VersionChange change) throws SQLException {
		if (change instanceof VersionChange.Insert insert) {
			statement.setString(1, insert.revision());
			return 2;
		}
		if (change instanceof VersionChange.Delete delete) {
			statement.setString(1, delete.revision());
			return 2;
		}
		VersionChange.Update update = (VersionChange.Update) change;
		statement.setString(1, update.to());
		statement.setString(2, update.from());
		return 3;
	}

	private void bindHistory(PreparedStatement statement, int first, HistoryRecord record) throws SQLException {
		statement.setString(first, record.revision());
		statement.setString(first + 1, record.direction());
		setNullable(statement, first + 2, record.message());
		setNullable(statement, first + 3, record.checksum());
		statement.setTimestamp(first + 4, Timestamp.from(record.startedAt()));
		statement.setTimestamp(first + 5, Timestamp.from(record.finishedAt()));
		statement.setLong(first + 6, record.executionMs());
		statement.setBoolean(first + 7, record.success());
		setNullable(statement, first + 8, record.error());
		statement.setString(first + 9, this.instance);
	}

	private int execute(PreparedStatement statement, Step step, VersionChange change) throws SQLException {
		try {
			statement.execute();
			return statement.getUpdateCount();
		}
		catch (SQLException ex) {
			if (change instanceof VersionChange.Insert insert && ServerError.UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw conflict(step, describe(change), "it is already there", ex);
			}
			throw ex;
		}
	}

	private void expectOne(int count, Step step, VersionChange change) {
		if (count != 1) {
			throw conflict(step, describe(change), (count == 0) ? "no row matched" : count + " rows matched", null);
		}
	}

	private static String describe(VersionChange change) {
		if (change instanceof VersionChange.Insert insert) {
			return "add the row '" + insert.revision() + "'";
		}
		if (change instanceof VersionChange.Delete delete) {
			return "remove the row '" + delete.revision() + "'";
		}
		VersionChange.Update update = (VersionChange.Update) change;
		return "replace the row '" + update.from() + "' with '" + update.to() + "'";
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

	private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
		if (value != null) {
			statement.setString(index, value);
		}
		else {
			statement.setNull(index, Types.VARCHAR);
		}
	}

	@Override
	public void close() {
		this.changes.values().forEach(RunRecorder::closeQuietly);
		this.changesWithHistory.values().forEach(RunRecorder::closeQuietly);
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
