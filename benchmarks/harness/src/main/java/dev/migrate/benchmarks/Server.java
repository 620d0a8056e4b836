package dev.migrate.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL server the benchmarks run on, named by {@code MIGRATE_TEST_JDBC_URL} (with
 * {@code _USER} and {@code _PASSWORD}), as for the tests: creates and drops the throw-away
 * databases of the runs and checks what a run applied.
 */
final class Server {

	private final String adminUrl;

	private final String user;

	private final String password;

	private Server(String adminUrl, String user, String password) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
	}

	static Server fromEnvironment() {
		String url = System.getenv("MIGRATE_TEST_JDBC_URL");
		if (url == null || !url.startsWith("jdbc:postgresql://")) {
			throw new IllegalStateException("Set MIGRATE_TEST_JDBC_URL (jdbc:postgresql://host:port/db), "
					+ "MIGRATE_TEST_JDBC_USER and MIGRATE_TEST_JDBC_PASSWORD to a PostgreSQL server where this user "
					+ "may create databases; found " + url);
		}
		String user = System.getenv().getOrDefault("MIGRATE_TEST_JDBC_USER", "postgres");
		String password = System.getenv().getOrDefault("MIGRATE_TEST_JDBC_PASSWORD", "");
		return new Server(url, user, password);
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	/** The JDBC URL of a database of this server. */
	String jdbcUrl(String database) {
		String rest = this.adminUrl.substring("jdbc:postgresql://".length());
		int slash = rest.indexOf('/');
		int query = rest.indexOf('?');
		String hostPort = (slash >= 0) ? rest.substring(0, slash) : rest;
		String parameters = (query >= 0) ? rest.substring(query) : "";
		return "jdbc:postgresql://" + hostPort + "/" + database + parameters;
	}

	/**
	 * The environment that points every program at a database: {@code DATABASE_*} for the
	 * command line and the plain programs, {@code SPRING_DATASOURCE_*} for the Spring Boot apps,
	 * {@code PG*} for psql.
	 */
	Map<String, String> environment(String database) {
		String rest = this.adminUrl.substring("jdbc:postgresql://".length());
		int end = rest.length();
		for (char stop : new char[] { '/', '?' }) {
			int index = rest.indexOf(stop);
			end = (index >= 0) ? Math.min(end, index) : end;
		}
		String hostPort = rest.substring(0, end);
		int colon = hostPort.lastIndexOf(':');
		Map<String, String> environment = new HashMap<>();
		environment.put("DATABASE_URL", jdbcUrl(database));
		environment.put("DATABASE_USER", this.user);
		environment.put("DATABASE_PASSWORD", this.password);
		environment.put("SPRING_DATASOURCE_URL", jdbcUrl(database));
		environment.put("SPRING_DATASOURCE_USERNAME", this.user);
		environment.put("SPRING_DATASOURCE_PASSWORD", this.password);
		environment.put("PGHOST", (colon >= 0) ? hostPort.substring(0, colon) : hostPort);
		environment.put("PGPORT", (colon >= 0) ? hostPort.substring(colon + 1) : "5432");
		environment.put("PGUSER", this.user);
		environment.put("PGPASSWORD", this.password);
		environment.put("PGDATABASE", database);
		return environment;
	}

	void create(String database) throws SQLException {
		drop(database);
		execute("CREATE DATABASE " + database);
	}

	void drop(String database) throws SQLException {
		execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
	}

	/**
	 * What the revisions recorded in {@code bench_applied}: how many rows and how many distinct
	 * revisions ({@code -1, -1} when the table does not exist).
	 */
	long[] applied(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(database), credentials());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT to_regclass('bench_applied') IS NOT NULL")) {
			result.next();
			if (!result.getBoolean(1)) {
				return new long[] { -1, -1 };
			}
			try (ResultSet counts = statement
				.executeQuery("SELECT count(*), count(DISTINCT revision) FROM bench_applied")) {
				counts.next();
				return new long[] { counts.getLong(1), counts.getLong(2) };
			}
		}
	}

	String version() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, credentials());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			result.next();
			return result.getString(1);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, credentials());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Properties credentials() {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		return properties;
	}

}
