package dev.migrate.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JUnit extension that gives a test class its own fresh PostgreSQL database, created before
 * the first test and dropped after the last.
 *
 * <p>
 * Register it as a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresDatabase db = new PostgresDatabase();
 * </pre>
 * The server comes from {@link PostgresServer}: {@code MIGRATE_TEST_JDBC_URL} and friends when
 * set, else a Testcontainers {@code pgvector/pgvector:pg17} container when Docker runs, else the
 * test fails saying how to provide one.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

	private String name;

	private String url;

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		PostgresServer server = PostgresServer.get();
		this.name = "migrate_t_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
		if (this.name.length() > 63) {
			this.name = this.name.substring(this.name.length() - 63);
			this.name = "t" + this.name.substring(1);
		}
		try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE \"" + this.name + "\"");
		}
		this.url = server.urlFor(this.name);
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		if (this.name == null) {
			return;
		}
		try (Connection admin = PostgresServer.get().connect(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + this.name + "\" WITH (FORCE)");
		}
	}

	/** Name of this class's database. */
	public String name() {
		return this.name;
	}

	/** JDBC URL of this class's database. */
	public String url() {
		return this.url;
	}

	/** User name to connect with. */
	public String user() {
		return PostgresServer.get().user();
	}

	/** Password to connect with. */
	public String password() {
		return PostgresServer.get().password();
	}

	/** A new connection to this class's database (autocommit on). */
	public Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user());
		properties.setProperty("password", password());
		return DriverManager.getConnection(this.url, properties);
	}

	/** A non-pooling DataSource for this class's database. */
	public DataSource dataSource() {
		return dataSource(null);
	}

	/** A non-pooling DataSource whose connections report the given application name. */
	public DataSource dataSource(String applicationName) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.url);
		dataSource.setUser(user());
		dataSource.setPassword(password());
		if (applicationName != null) {
			dataSource.setApplicationName(applicationName);
		}
		return dataSource;
	}

	/** Runs SQL in autocommit on this class's database. */
	public void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test SQL failed: " + sql + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the server offers the pgvector extension ({@code vector} in
	 * {@code pg_available_extensions}).
	 */
	public boolean hasPgvector() {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
			return rs.next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Generates a fresh schema name, unique for a test. */
	public static String uniqueName(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
