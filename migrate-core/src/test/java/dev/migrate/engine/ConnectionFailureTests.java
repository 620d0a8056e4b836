package dev.migrate.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A connection that cannot be opened, on a real PostgreSQL: a role the server refuses, a
 * database that does not exist and a port nobody listens on each get their own message naming
 * the redacted URL and the settings to check in the caller's words; connect retries wait and
 * log until the database is reached once.
 */
class ConnectionFailureTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location());
	}

	private static PGSimpleDataSource dataSource(String url, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	private static String urlOf(String database) {
		return db.url().replace("/" + db.name(), "/" + database);
	}

	@Test
	void roleTheServerRefusesIsAnAuthenticationFailureNamingTheCredentialSettings() {
		String role = PostgresDatabase.uniqueName("nologin");
		db.execute("CREATE ROLE " + role + " NOLOGIN PASSWORD 'secret-pw'");
		try {
			DataSource dataSource = dataSource(db.url(), role, "secret-pw");
			MigrateException failure = catchThrowableOfType(MigrateException.class,
					() -> Migrator.create(dataSource, settings().vocabulary(TestVocabulary.INSTANCE).build())
						.current());
			assertThat(failure.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
			assertThat(failure.description()).startsWith("The database at jdbc:postgresql://")
				.contains("/" + db.name(), "(user " + role + ")", "refused the credentials", "SQLSTATE 28000")
				.doesNotContain("secret-pw");
			assertThat(failure.action()).startsWith("Check the user name and password (<connection>)")
				.contains("pg_hba.conf");
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void wrongPasswordIsAnAuthenticationFailure() {
		// The test server may trust local connections, so the server's answer is built here.
		SQLException refused = new SQLException("password authentication failed for user \"app\"", "28P01");
		assertThat(ConnectionFailure.of(new RuntimeException("pool could not start", refused)))
			.isEqualTo(ConnectionFailure.AUTHENTICATION);
	}

	@Test
	void missingDatabaseNamesTheUrlSetting() {
		String missing = PostgresDatabase.uniqueName("missing");
		DataSource dataSource = dataSource(urlOf(missing), db.user(), db.password());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> Migrator
			.create(dataSource, settings().vocabulary(TestVocabulary.INSTANCE).build())
			.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.DATABASE_NOT_FOUND);
		assertThat(failure.description()).contains("/" + missing, "does not exist", "SQLSTATE 3D000");
		assertThat(failure.action()).isEqualTo("Check the database name in <url>, or create the "
				+ "database (CREATE DATABASE ...) before migrating");
	}

	@Test
	void closedPortIsUnreachableAndTheUrlShownHasNoPassword() throws IOException {
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/app?connectTimeout=5";
		DataSource dataSource = dataSource(url, "app", "secret-pw");
		MigrateException failure = catchThrowableOfType(MigrateException.class,
				() -> Migrator.create(dataSource, settings().build()).current());
		assertThat(failure.code()).isEqualTo(ErrorCode.DATABASE_UNREACHABLE);
		assertThat(failure.description()).startsWith("Could not reach the database server at jdbc:postgresql://127.0.0.1:")
			.contains("/app (user app): SQLSTATE 08001")
			.doesNotContain("secret-pw", "connectTimeout");
		assertThat(failure.action()).contains("Check the host and port in the URL of the DataSource given to "
				+ "Migrator.create", "MigrateSettings.Builder.connectRetries(...)");
	}

	@Test
	void unreachableDatabaseIsRetriedLoggingEachWait() throws IOException {
		DataSource dataSource = dataSource("jdbc:postgresql://127.0.0.1:" + closedPort() + "/app", "app", null);
		Migrator migrator = Migrator.create(dataSource,
				settings().connectRetries(2).connectRetryInterval(Duration.ofMillis(10)).build());
		MigrateException[] failure = new MigrateException[1];
		List<String> log = LogCapture.messages("dev.migrate.runtime",
				() -> failure[0] = catchThrowableOfType(MigrateException.class, migrator::current));
		assertThat(failure[0].code()).isEqualTo(ErrorCode.DATABASE_UNREACHABLE);
		assertThat(log).hasSize(2);
		assertThat(log.get(0)).startsWith("Could not reach the database server at jdbc:postgresql://127.0.0.1:")
			.endsWith("; retry 1 of 2 in 10 ms");
		assertThat(log.get(1)).endsWith("; retry 2 of 2 in 10 ms");
	}

	@Test
	void databaseThatAppearsWhileRetryingIsMigrated() {
		String late = PostgresDatabase.uniqueName("late");
		AtomicInteger attempts = new AtomicInteger();
		DataSource target = dataSource(urlOf(late), db.user(), db.password());
		DataSource appearsOnThirdAttempt = new Delegating(target) {

			@Override
			public Connection getConnection() throws SQLException {
				if (attempts.incrementAndGet() == 3) {
					db.execute("CREATE DATABASE " + late);
				}
				return super.getConnection();
			}

		};
		try {
			Migrator migrator = Migrator.create(appearsOnThirdAttempt,
					settings().connectRetries(5).connectRetryInterval(Duration.ZERO).build());
			List<String> log = LogCapture.messages("dev.migrate.runtime", () -> migrator.upgrade("heads"));
			assertThat(log).filteredOn((line) -> line.contains("retry")).hasSize(2)
				.allMatch((line) -> line.startsWith("The database named in"));
			assertThat(migrator.current()).containsExactly("a1");
		}
		finally {
			db.execute("DROP DATABASE IF EXISTS " + late + " WITH (FORCE)");
		}
	}

	@Test
	void databaseLostAfterItWasReachedFailsWithoutWaiting() {
		String gone = PostgresDatabase.uniqueName("gone");
		db.execute("CREATE DATABASE " + gone);
		Migrator migrator = Migrator.create(dataSource(urlOf(gone), db.user(), db.password()),
				settings().connectRetries(3).connectRetryInterval(Duration.ofMinutes(10)).build());
		assertThat(migrator.current()).isEmpty();
		db.execute("DROP DATABASE " + gone + " WITH (FORCE)");
		MigrateException[] failure = new MigrateException[1];
		List<String> log = LogCapture.messages("dev.migrate.runtime",
				() -> failure[0] = catchThrowableOfType(MigrateException.class, migrator::current));
		assertThat(failure[0].code()).isEqualTo(ErrorCode.DATABASE_NOT_FOUND);
		assertThat(log).isEmpty();
	}

	@Test
	void urlParametersAreLeftOutAndUserInformationMasked() {
		assertThat(DataSourceDescription.redact("jdbc:postgresql://db/app?user=a&password=pw&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/app");
		assertThat(DataSourceDescription.redact("postgres://app:pw@db:5432/app"))
			.isEqualTo("postgres://******@db:5432/app");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A data source that hands out another's connections. */
	private static class Delegating implements DataSource {

		private final DataSource target;

		Delegating(DataSource target) {
			this.target = target;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return this.target.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return this.target.getConnection(username, password);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.target.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.target.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.target.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.target.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			return this.target.unwrap(iface);
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) throws SQLException {
			return this.target.isWrapperFor(iface);
		}

	}

}
