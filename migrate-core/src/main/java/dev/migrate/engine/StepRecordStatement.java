package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.migrate.plan.VersionChange;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;

/**
 * Records a step's last version-table change and its history row in one statement: a
 * data-modifying {@code WITH} that changes the version table and inserts the history row, which
 * takes its {@code direction} from the change's {@code RETURNING}. When the row to replace or
 * remove is missing, the history row has no direction and its {@code NOT NULL} constraint fails
 * the statement ({@code not_null_violation}); adding a row that is there fails with
 * {@code unique_violation}. So the statement fails whenever the version table does not hold what
 * the run expected, and a {@code COMMIT} sent in the same round trip (which saves pgjdbc's own
 * {@code COMMIT} round trip) never commits such a step: after an error the server skips it.
 *
 * <p>
 * The statement is prepared in SQL ({@code PREPARE}) the first time a run needs it and run with
 * {@code EXECUTE}, its values written as literals. A JDBC prepared statement would be parsed and
 * planned again after nearly every revision: pgjdbc forgets its server-side prepared statements
 * whenever a statement's command tag starts with {@code CREATE}, {@code ALTER} or {@code DROP}
 * ({@code flushCacheOnDdl}, on by default). A statement prepared in SQL lives until
 * {@code DEALLOCATE}, which {@link #close()} sends, and the server keeps its plan.
 */
final class StepRecordStatement implements AutoCloseable {

	private enum Kind {

		INSERT, DELETE, UPDATE

	}

	private static final AtomicLong instances = new AtomicLong();

	private final Connection connection;

	private final String versionTable;

	private final HistoryTableSql historySql;

	private final String prefix;

	private final Set<Kind> prepared = EnumSet.noneOf(Kind.class);

	private @Nullable Statement statement;

	StepRecordStatement(Connection connection, TableNames names) {
		this.connection = connection;
		this.versionTable = names.qualifiedVersionTable();
		this.historySql = new HistoryTableSql(names);
		this.prefix = "migrate_record_" + instances.incrementAndGet() + "_";
	}

	/**
	 * Apply a version-table change and insert the history row with it, in the connection's
	 * current transaction, and commit that transaction in the same round trip if asked.
	 * @param change the change
	 * @param record the history row
	 * @param instance the application instance, or {@code null}
	 * @param commit whether to commit the transaction with it
	 * @return the update count: one history row
	 * @throws SQLException on a database error: {@code not_null_violation} when the row to replace
	 * or remove is missing, {@code unique_violation} when the row to add is there; nothing was
	 * committed then
	 */
	int execute(VersionChange change, HistoryRecord record, @Nullable String instance, boolean commit)
			throws SQLException {
		Kind kind = kind(change);
		Statement statement = statement();
		if (!this.prepared.contains(kind)) {
			statement.execute("PREPARE " + name(kind) + " AS " + sql(kind));
			this.prepared.add(kind);
		}
		StringBuilder execute = new StringBuilder(256).append("EXECUTE ").append(name(kind)).append('(');
		if (change instanceof VersionChange.Insert insert) {
			literal(execute, insert.revision());
		}
		else if (change instanceof VersionChange.Delete delete) {
			literal(execute, delete.revision());
		}
		else {
			VersionChange.Update update = (VersionChange.Update) change;
			literal(execute, update.to());
			literal(execute.append(", "), update.from());
		}
		literal(execute.append(", "), record.revision());
		literal(execute.append(", "), record.direction());
		literal(execute.append(", "), record.message());
		literal(execute.append(", "), record.checksum());
		literal(execute.append(", "), record.startedAt());
		literal(execute.append(", "), record.finishedAt());
		execute.append(", ").append(record.executionMs()).append(", ").append(record.success());
		literal(execute.append(", "), record.error());
		literal(execute.append(", "), instance);
		statement.execute(execute.append(commit ? ");COMMIT" : ")").toString());
		return statement.getUpdateCount();
	}

	/**
	 * Find out which statements are still prepared, after a revision that ran outside a
	 * transaction and may have dropped them ({@code DISCARD ALL}, {@code DEALLOCATE ALL}).
	 * @throws SQLException on a database error
	 */
	void recheck() throws SQLException {
		if (this.prepared.isEmpty()) {
			return;
		}
		Set<Kind> found = EnumSet.noneOf(Kind.class);
		try (ResultSet rs = statement().executeQuery("SELECT name FROM pg_catalog.pg_prepared_statements "
				+ "WHERE starts_with(name, '" + this.prefix + "')")) {
			while (rs.next()) {
				for (Kind kind : Kind.values()) {
					if (name(kind).equals(rs.getString(1))) {
						found.add(kind);
					}
				}
			}
		}
		this.prepared.retainAll(found);
	}

	private Statement statement() throws SQLException {
		if (this.statement == null) {
			this.statement = this.connection.createStatement();
			this.statement.setEscapeProcessing(false);
		}
		return this.statement;
	}

	private String name(Kind kind) {
		return this.prefix + kind.name().toLowerCase(Locale.ROOT);
	}

	private String sql(Kind kind) {
		return switch (kind) {
			case INSERT -> withHistory("INSERT INTO " + this.versionTable + " (version_num) VALUES ($1)", 2);
			case DELETE -> withHistory("DELETE FROM " + this.versionTable + " WHERE version_num = $1", 2);
			case UPDATE -> withHistory("UPDATE " + this.versionTable + " SET version_num = $1 WHERE version_num = $2", 3);
		};
	}

	/**
	 * The change, then the history row from parameters {@code first} to {@code first + 9}, its
	 * direction (the second) returned by the change.
	 */
	private String withHistory(String change, int first) {
		StringBuilder values = new StringBuilder("SELECT $").append(first).append(", (SELECT direction FROM changed)");
		for (int i = first + 2; i < first + 10; i++) {
			values.append(", $").append(i);
		}
		return "WITH changed AS (" + change + " RETURNING $" + (first + 1) + "::varchar AS direction) "
				+ this.historySql.insertFrom(values.toString());
	}

	private static Kind kind(VersionChange change) {
		if (change instanceof VersionChange.Insert) {
			return Kind.INSERT;
		}
		return (change instanceof VersionChange.Delete) ? Kind.DELETE : Kind.UPDATE;
	}

	private static void literal(StringBuilder sql, @Nullable String value) {
		TableNames.appendEscapeLiteral(sql, value);
	}

	private static void literal(StringBuilder sql, Instant value) {
		sql.append('\'').append(value).append('\'');
	}

	/** Deallocate the prepared statements and close the JDBC statement. */
	@Override
	public void close() {
		if (this.statement == null) {
			return;
		}
		try {
			if (!this.prepared.isEmpty()) {
				StringBuilder deallocate = new StringBuilder();
				for (Kind kind : this.prepared) {
					deallocate.append((deallocate.length() > 0) ? ";" : "").append("DEALLOCATE ").append(name(kind));
				}
				this.statement.execute(deallocate.toString());
				this.prepared.clear();
			}
			this.statement.close();
		}
		catch (SQLException ex) {
			// the connection is going away, and its prepared statements with it
		}
	}

}
