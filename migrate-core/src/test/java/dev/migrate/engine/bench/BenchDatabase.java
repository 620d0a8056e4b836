package dev.migrate.engine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/**
 * A throw-away database for a benchmark on the server named by {@code MIGRATE_TEST_JDBC_URL}
 * (with {@code _USER} and {@code _PASSWORD}), reached through a HikariCP pool as an application
 * would.
 */
final class BenchDatabase implements AutoCloseable {

	private final String adminUrl;

	private final Properties credentials = new Properties();

	private final String name;

	private final HikariDataSource dataSource;

	BenchDatabase(String prefix) throws SQLException {
		this.adminUrl = require("MIGRATE_TEST_JDBC_URL");
		this.credentials.setProperty("user", setting("MIGRATE_TEST_JDBC_USER", "postgres"));
		this.credentials.setProperty("password", setting("MIGRATE_TEST_JDBC_PASSWORD", ""));
		this.name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection admin = DriverManager.getConnection(this.adminUrl, this.credentials);
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE \"" + this.name + "\"");
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(urlFor(this.name));
		config.setDataSourceProperties(this.credentials);
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(2);
		config.setPoolName("bench");
		this.dataSource = new HikariDataSource(config);
	}

	/**
	 * Logs at INFO, as an application would, instead of logback's default DEBUG; the system
	 * property {@code bench.log} sets another level.
	 */
	static void quietLogging() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(Level.toLevel(System.getProperty("bench.log", "INFO")));
	}

	HikariDataSource dataSource() {
		return this.dataSource;
	}

	/** Write {@code count} revision files, a chain, each from the template ({@code %1$d} = index). */
	static Path writeChain(int count, String upgradeTemplate, String downgradeTemplate) throws IOException {
		Path dir = Files.createTempDirectory("migrate-bench");
		for (int i = 0; i < count; i++) {
			String id = id(i);
			String text = "-- revision: " + id + "\n-- down_revision: " + ((i > 0) ? id(i - 1) : "") + "\n-- message: step "
					+ i + "\n\n-- upgrade\n" + String.format(upgradeTemplate, i) + "\n\n-- downgrade\n"
					+ String.format(downgradeTemplate, i) + "\n";
			Files.writeString(dir.resolve(id + "_step_" + i + ".sql"), text, StandardCharsets.UTF_8);
		}
		return dir;
	}

	static String id(int i) {
		return String.format("r%05d", i);
	}

	@Override
	public void close() throws SQLException {
		this.dataSource.close();
		try (Connection admin = DriverManager.getConnection(this.adminUrl, this.credentials);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + this.name + "\" WITH (FORCE)");
		}
	}

	private String urlFor(String database) {
		int query = this.adminUrl.indexOf('?');
		String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
		String params = (query >= 0) ? this.adminUrl.substring(query) : "";
		return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
	}

	private static String require(String name) {
		String value = setting(name, null);
		if (value == null) {
			throw new IllegalStateException(name + " is not set; export MIGRATE_TEST_JDBC_URL, _USER and _PASSWORD "
					+ "(eval \"$(bash ../shared/ci/postgres-with-pgvector.sh --env)\")");
		}
		return value;
	}

	static String setting(String name, String fallback) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
