package dev.migrate.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests use, chosen once per JVM: the {@code MIGRATE_TEST_JDBC_URL},
 * {@code MIGRATE_TEST_JDBC_USER} and {@code MIGRATE_TEST_JDBC_PASSWORD} environment variables
 * (or system properties of the same names) when set; otherwise a Testcontainers
 * {@code pgvector/pgvector:pg17} container when Docker is available; otherwise an error that
 * says how to provide one. Tests never skip silently for want of a database.
 */
public final class PostgresServer {

	static final String IMAGE = "pgvector/pgvector:pg17";

	private static PostgresServer instance;

	private final String url;

	private final String user;

	private final String password;

	private PostgresServer(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/** The server, found or started on first use. */
	public static synchronized PostgresServer get() {
		if (instance == null) {
			instance = locate();
		}
		return instance;
	}

	private static PostgresServer locate() {
		String url = setting("MIGRATE_TEST_JDBC_URL");
		if (url != null) {
			return new PostgresServer(url, orDefault(setting("MIGRATE_TEST_JDBC_USER"), "postgres"),
					orDefault(setting("MIGRATE_TEST_JDBC_PASSWORD"), ""));
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
			container.start();
			return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		throw new IllegalStateException("""
				No PostgreSQL for the tests. Provide one of:
				  - an existing server: export MIGRATE_TEST_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/<db> \
				MIGRATE_TEST_JDBC_USER=<superuser or role with CREATEDB> MIGRATE_TEST_JDBC_PASSWORD=<password>
				    (on Debian: eval "$(bash ../shared/ci/postgres-with-pgvector.sh --env)" installs, starts and exports one)
				  - a running Docker engine, so Testcontainers can start %s
				""".formatted(IMAGE));
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private static String setting(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	/** User name to connect with. */
	public String user() {
		return this.user;
	}

	/** Password to connect with. */
	public String password() {
		return this.password;
	}

	/** A connection to the server's configured database, used to create and drop test databases. */
	Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		return DriverManager.getConnection(this.url, properties);
	}

	/** The server's JDBC URL with the database replaced by {@code database}. */
	String urlFor(String database) {
		int query = this.url.indexOf('?');
		String base = (query >= 0) ? this.url.substring(0, query) : this.url;
		String params = (query >= 0) ? this.url.substring(query) : "";
		int slash = base.lastIndexOf('/');
		if (slash < "jdbc:postgresql://".length()) {
			throw new IllegalStateException("Cannot find the database name in MIGRATE_TEST_JDBC_URL '" + this.url
					+ "'; expected jdbc:postgresql://host:port/database");
		}
		return base.substring(0, slash + 1) + database + params;
	}

}
