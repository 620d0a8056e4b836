package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.plan.Step;
import dev.migrate.plan.VersionChange;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Writes the version-table changes and history rows of one run on its dedicated connection. A
 * step's last version-table change and its history row are one statement prepared in SQL for
 * the whole run ({@link StepRecordStatement}); the rare other writes (the earlier changes of a
 * step that changes several rows, failures, accepted checksums) are JDBC prepared statements.
 * Close it when the run ends.
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

	private final StepRecordStatement stepRecord;

	private @Nullable PreparedStatement insertHistory;

	RunRecorder(Connection connection, TableNames names, String instance) {
		this.connection = connection;
		this.versionSql = new VersionTableSql(names);
		this.historySql = new HistoryTableSql(names);
		this.instance = instance;
		this.stepRecord = new StepRecordStatement(connection, names);
	}

	/**
	 * Record a step in the connection's current transaction: its version-table changes in order,
	 * then its history row; and commit the transaction in the same round trip if asked (the
	 * caller still calls {@link Connection#commit()}, which then has nothing to do). Nothing is
	 * committed when it fails.
	 * @param step the step
	 * @param record its history row
	 * @param commit whether to commit the transaction with the last write
	 * @throws SQLException on a database error
	 * @throws MigrateException {@code VERSION_TABLE_CONFLICT} when a row to replace or remove is
	 * missing, or a row to add is already there
	 */
	void recordStep(Step step, HistoryRecord record, boolean commit) throws SQLException {
		List<VersionChange> versionChanges = step.versionChanges();
		if (versionChanges.isEmpty()) {
			record(record);
			return;
		}
		for (int i = 0; i < versionChanges.size() - 1; i++) {
			VersionChange change = versionChanges.get(i);
			PreparedStatement statement = statement(kind(change));
			bind(statement, change);
			expectOne(execute(statement::executeUpdate, step, change), step, change);
		}
		VersionChange last = versionChanges.get(versionChanges.size() - 1);
		execute(() -> this.stepRecord.execute(last, record, this.instance, commit), step, last);
	}

	/**
	 * Find out which of the run's statements are still prepared, after a revision that ran
	 * outside a transaction (it may have run {@code DISCARD ALL}).
	 * @throws SQLException on a database error
	 */
	void recheckPrepared() throws SQLException {
		this.stepRecord.recheck();
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
		bindHistory(this.insertHistory, record);
		this.insertHistory.executeUpdate();
	}

	private PreparedStatement statement(Kind kind) throws SQLException {
		PreparedStatement statement = this.changes.get(kind);
		if (statement == null) {
			statement = this.connection.prepareStatement(switch (kind) {
				case INSERT -> this.versionSql.insert();
				case DELETE -> this.versionSql.delete();
				case UPDATE -> this.versionSql.update();
			});
			this.changes.put(kind, statement);
		}
		return statement;
	}

	private static Kind kind(VersionChange change) {
		if (change instanceof VersionChange.Insert) {
			return Kind.INSERT;
		}
		return (change instanceof VersionChange.Delete) ? Kind.DELETE : Kind.UPDATE;
	}

	private static void bind(PreparedStatement statement, VersionChange change) throws SQLException {
		if (change instanceof VersionChange.Insert insert) {
			statement.setString(1, insert.revision());
		}
		else if (change instanceof VersionChange.Delete delete) {
			statement.setString(1, delete.revision());
		}
		else {
			VersionChange.Update update = (VersionChange.Update) change;
			statement.setString(1, update.to());
			statement.setString(2, update.from());
		}
	}

	private void bindHistory(PreparedStatement statement, HistoryRecord record) throws SQLException {
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
	}

	/** A write that returns its update count. */
	@FunctionalInterface
	private interface Write {

		int execute() throws SQLException;

	}

	private int execute(Write write, Step step, VersionChange change) throws SQLException {
		try {
			return write.execute();
		}
		catch (SQLException ex) {
			String state = ex.getSQLState();
			String table = ServerError.table(ex);
			if (change instanceof VersionChange.Insert && ServerError.UNIQUE_VIOLATION.equals(state)
					&& (table == null || table.equals(this.versionSql.names().versionTable()))) {
				throw conflict(step, describe(change), "it is already there", ex);
			}
			if (!(change instanceof VersionChange.Insert) && ServerError.NOT_NULL_VIOLATION.equals(state)
					&& (table == null || table.equals(this.historySql.names().historyTable()))) {
				throw conflict(step, describe(change), "no row matched", ex);
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

	private MigrateException conflict(Step step, String what, String found, @Nullable Throwable cause) {
		return new MigrateException(ErrorCode.VERSION_TABLE_CONFLICT,
				"Recording '" + step.describe() + "' had to " + what + " in the version table "
						+ this.versionSql.names().qualifiedVersionTable() + ", but " + found
						+ "; someone changed the table while this run held the migration lock",
				"Nothing of this step was recorded (its transaction was rolled back). Check the version table "
						+ "(current), find who else writes it (another tool, or an instance with a different "
						+ "lock key), and start again",
				cause);
	}

	private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
			throws SQLException {
		if (value != null) {
			statement.setString(index, value);
		}
		else {
			statement.setNull(index, Types.VARCHAR);
		}
	}

	@Override
	public void close() {
		this.stepRecord.close();
		this.changes.values().forEach(RunRecorder::closeQuietly);
		closeQuietly(this.insertHistory);
	}

	private static void closeQuietly(@Nullable PreparedStatement statement) {
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
