package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

import dev.migrate.table.TableNames;

/**
 * The session settings of the run's connection. With a configured schema, {@code search_path}
 * becomes that schema followed by the connection's own path for the run, so unqualified names in
 * revisions land in it; the original path comes back when the run ends. After a
 * non-transactional revision, {@code RESET ALL} drops whatever it set, and the run's settings are
 * put back.
 *
 * <p>
 * So that the server notices at once when the migrating process dies (and releases the migration
 * lock and the locks of its statement instead of running the statement to its end), the run
 * sets {@code client_connection_check_interval} (PostgreSQL 14 and later) and TCP keepalives on
 * its session; settings the server does not know are skipped.
 */
final class SessionSettings {

	/** The liveness settings, name and value, and the statement that sets those the server knows. */
	private static final String SET_LIVENESS = "SELECT set_config(v.name, v.value, false) FROM (VALUES "
			+ "('client_connection_check_interval', '1000'), ('tcp_keepalives_idle', '10'), "
			+ "('tcp_keepalives_interval', '5'), ('tcp_keepalives_count', '3')) AS v (name, value) "
			+ "WHERE v.name IN (SELECT name FROM pg_catalog.pg_settings)";

	private static final String RESET_LIVENESS = "SELECT set_config(s.name, s.reset_val, false) "
			+ "FROM pg_catalog.pg_settings s WHERE s.name IN ('client_connection_check_interval', "
			+ "'tcp_keepalives_idle', 'tcp_keepalives_interval', 'tcp_keepalives_count')";

	private final @Nullable String schema;

	private @Nullable String originalSearchPath;

	/**
	 * Create the settings.
	 * @param schema the configured schema, or {@code null} to leave {@code search_path} alone
	 */
	SessionSettings(@Nullable String schema) {
		this.schema = schema;
	}

	/**
	 * Put the run's settings in place, remembering the original ones.
	 * @param connection the run's connection
	 * @throws SQLException on a database error
	 */
	void apply(Connection connection) throws SQLException {
		execute(connection, SET_LIVENESS);
		String schema = this.schema;
		if (schema == null) {
			return;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_setting('search_path')")) {
			rs.next();
			this.originalSearchPath = rs.getString(1);
		}
		setSearchPath(connection, runSearchPath(schema));
	}

	/**
	 * Drop every setting a revision made ({@code RESET ALL}) and put the run's settings back.
	 * @param connection the run's connection, outside a transaction
	 * @throws SQLException on a database error
	 */
	void resetAfterRevision(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET ALL");
		}
		execute(connection, SET_LIVENESS);
		if (this.schema != null) {
			setSearchPath(connection, runSearchPath(this.schema));
		}
	}

	/**
	 * Put the original settings back.
	 * @param connection the run's connection, outside a transaction
	 * @throws SQLException on a database error
	 */
	void restore(Connection connection) throws SQLException {
		execute(connection, RESET_LIVENESS);
		if (this.schema != null && this.originalSearchPath != null) {
			setSearchPath(connection, this.originalSearchPath);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private String runSearchPath(String schema) {
		String quoted = TableNames.quoteIdentifier(schema);
		return (this.originalSearchPath == null || this.originalSearchPath.isBlank()) ? quoted
				: quoted + ", " + this.originalSearchPath;
	}

	private static void setSearchPath(Connection connection, String path) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, path);
			statement.executeQuery().close();
		}
	}

}
