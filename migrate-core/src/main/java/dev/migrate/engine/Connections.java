package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;

/**
 * Short-lived connections for reads outside the lock, and where the tables are.
 */
final class Connections {

	private final Connector connector;

	private final Vocabulary vocabulary;

	Connections(DataSource dataSource, MigrateSettings settings) {
		this.connector = new Connector(dataSource, settings);
		this.vocabulary = settings.vocabulary();
	}

	/** Work done with a connection. */
	@FunctionalInterface
	interface Work<T> {

		T apply(Connection connection) throws SQLException;

	}

	/**
	 * Run read-only work on a connection from the data source, ending any transaction the reads
	 * opened (when the pool hands out connections with autocommit off).
	 * @param doing what is being done, for errors
	 * @param work the work
	 * @return its result
	 */
	<T> T read(String doing, Work<T> work) {
		try (Connection connection = this.connector.connect()) {
			try {
				return work.apply(connection);
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		}
		catch (SQLException ex) {
			throw DatabaseErrors.wrap(ex, doing, this.vocabulary);
		}
	}

	/**
	 * Open the dedicated connection of a run.
	 * @throws dev.migrate.MigrateException when it cannot be opened
	 */
	Connection open() {
		return this.connector.connect();
	}

	/**
	 * The schema the tables are in: the configured one, or the connection's current schema.
	 * @param connection the connection
	 * @param configured the configured schema, or {@code null}
	 * @return the schema name
	 * @throws SQLException on a database error
	 */
	static String schemaOf(Connection connection, @Nullable String configured) throws SQLException {
		if (configured != null) {
			return configured;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
			rs.next();
			String schema = rs.getString(1);
			return (schema != null) ? schema : "";
		}
	}

}
