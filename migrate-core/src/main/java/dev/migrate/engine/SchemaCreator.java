package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Creates the schema (when one is configured) and the version and history tables when they are
 * missing. Runs under the migration lock, in autocommit; it still tolerates a concurrent creator
 * that does not take the lock (another tool, an instance with another lock key): PostgreSQL's
 * {@code IF NOT EXISTS} is not race-free and can fail with {@code unique_violation} on
 * {@code pg_type} or {@code duplicate_table}, after which the object is re-checked.
 */
final class SchemaCreator {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	private final TableNames names;

	private final VersionTableSql versionSql;

	private final HistoryTableSql historySql;

	private final StateReader reader;

	SchemaCreator(TableNames names, StateReader reader) {
		this.names = names;
		this.versionSql = new VersionTableSql(names);
		this.historySql = new HistoryTableSql(names);
		this.reader = reader;
	}

	/**
	 * Create what is missing.
	 * @param connection the run's connection, in autocommit
	 * @throws SQLException on a database error other than a lost creation race
	 */
	void ensureTables(Connection connection) throws SQLException {
		boolean[] exist = this.reader.tablesExist(connection);
		if (exist[0] && exist[1]) {
			return;
		}
		Optional<String> createSchema = this.versionSql.createSchemaIfNotExists();
		String schema = this.names.schema();
		// a CREATE SCHEMA comes with a configured schema only
		if (createSchema.isPresent() && schema != null && !schemaExists(connection, schema)) {
			create(connection, createSchema.get(), "schema " + TableNames.quoteIdentifier(schema));
		}
		if (!exist[0]) {
			create(connection, this.versionSql.createIfNotExists(), "version table " + this.names.qualifiedVersionTable());
		}
		if (!exist[1]) {
			create(connection, this.historySql.createIfNotExists(), "history table " + this.names.qualifiedHistoryTable());
		}
		exist = this.reader.tablesExist(connection);
		if (!exist[0] || !exist[1]) {
			throw new SQLException("The " + (exist[0] ? "history table " + this.names.qualifiedHistoryTable()
					: "version table " + this.names.qualifiedVersionTable()) + " is still missing after CREATE TABLE");
		}
	}

	private boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (var statement = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
			statement.setString(1, schema);
			try (var rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	private void create(Connection connection, String sql, String what) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
			logger.info("Created {}", what);
		}
		catch (SQLException ex) {
			if (!isLostRace(ex)) {
				throw ex;
			}
			logger.debug("Another session created {} at the same time ({})", what, ex.getMessage());
		}
	}

	private static boolean isLostRace(SQLException ex) {
		String state = ex.getSQLState();
		return ServerError.UNIQUE_VIOLATION.equals(state) || ServerError.DUPLICATE_TABLE.equals(state)
				|| ServerError.DUPLICATE_SCHEMA.equals(state) || ServerError.DUPLICATE_OBJECT.equals(state);
	}

}
