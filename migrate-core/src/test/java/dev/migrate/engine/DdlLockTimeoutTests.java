package dev.migrate.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A revision whose DDL needs a lock another transaction holds: each attempt gives up after
 * {@code lock_timeout} instead of queueing all traffic behind it, is rolled back and retried;
 * it succeeds once the lock is released, or fails after the retries leaving nothing behind.
 */
class DdlLockTimeoutTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("ddl");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "CREATE TABLE side_effect (id int);\nALTER TABLE account ADD COLUMN name text",
					"ALTER TABLE account DROP COLUMN name;\nDROP TABLE side_effect");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder()
			.locations(this.revisions.location())
			.schema(this.schema)
			.ddlLockTimeout(Duration.ofMillis(150));
	}

	private Connection holdAccountLock() throws Exception {
		Connection holder = db.connect();
		holder.setAutoCommit(false);
		try (Statement statement = holder.createStatement()) {
			statement.execute("SELECT * FROM " + this.schema + ".account");
		}
		return holder;
	}

	@Test
	void revisionRetriesOnLockTimeoutAndSucceedsOnceTheLockIsReleased() throws Exception {
		Migrator.create(db.dataSource(), settings().build()).upgrade("a1");
		RecordingListener listener = new RecordingListener();
		Migrator migrator = Migrator.create(db.dataSource(), settings().ddlLockRetries(50).build(), listener);
		try (Connection holder = holdAccountLock()) {
			CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (listener.events(MigrationEvent.DdlLockRetry.class).size() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(listener.events(MigrationEvent.DdlLockRetry.class)).hasSizeGreaterThanOrEqualTo(2);
			holder.commit();
			MigrationResult result = run.get(30, TimeUnit.SECONDS);
			assertThat(result.completed()).containsExactly("b2");
		}
		MigrationEvent.DdlLockRetry retry = listener.events(MigrationEvent.DdlLockRetry.class).get(0);
		assertThat(retry.step().revision().id()).isEqualTo("b2");
		assertThat(retry.attempt()).isEqualTo(1);
		assertThat(retry.backoff()).isPositive();
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(Queries.column(db, "SELECT revision || ' ' || success FROM " + this.schema
				+ ".migrate_history ORDER BY id")).containsExactly("a1 true", "b2 true");
	}

	@Test
	void finalLockTimeoutNamesTheSessionsHoldingLocksOldestTransactionFirst() throws Exception {
		Migrator.create(db.dataSource(), settings().build()).upgrade("a1");
		Migrator migrator = Migrator.create(db.dataSource(),
				settings().ddlLockRetries(0).vocabulary(TestVocabulary.INSTANCE).build());
		MigrateException failure;
		int blocker;
		int younger;
		try (Connection holder = db.dataSource("ddl-blocker").getConnection();
				Connection other = db.dataSource("younger-reader").getConnection()) {
			blocker = pid(holder);
			younger = pid(other);
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("LOCK TABLE " + this.schema + ".account IN ACCESS EXCLUSIVE MODE");
			}
			Thread.sleep(20);
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT count(*) FROM pg_catalog.pg_class");
			}
			failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
			holder.rollback();
			other.rollback();
		}
		assertThat(failure.code()).isEqualTo(ErrorCode.DDL_LOCK_TIMEOUT);
		assertThat(failure.description()).contains("150 ms", "1 attempt(s)",
				"\nSessions holding locks in this database, oldest transaction first: pid " + blocker
						+ " (application 'ddl-blocker', idle in transaction, transaction since ",
				", query: LOCK TABLE " + this.schema + ".account IN ACCESS EXCLUSIVE MODE)",
				"; pid " + younger + " (application 'younger-reader', idle in transaction, transaction since ");
		assertThat(failure.action()).isEqualTo("Nothing of revision b2 was applied. The likely blocker is the oldest "
				+ "transaction, pid " + blocker + ": if it is stuck or idle in transaction, end it (SELECT "
				+ "pg_terminate_backend(" + blocker + ")); or start again when traffic is lower, or raise "
				+ "<ddl-lock-timeout> / <ddl-lock-retries>");
		assertThat(migrator.current()).containsExactly("a1");
	}

	private static int pid(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	@Test
	void revisionFailsAfterTheRetriesLeavingNothingBehind() throws Exception {
		Migrator.create(db.dataSource(), settings().build()).upgrade("a1");
		RecordingListener listener = new RecordingListener();
		Migrator migrator = Migrator.create(db.dataSource(), settings().ddlLockRetries(2).build(), listener);
		MigrateException failure;
		try (Connection holder = holdAccountLock()) {
			failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
			holder.rollback();
		}
		assertThat(failure.code()).isEqualTo(ErrorCode.DDL_LOCK_TIMEOUT);
		assertThat(failure.description()).contains("revision b2", "b2_revision_b2.sql", "statement 2 of 2",
				"150 ms", "3 attempt(s)", "SQLSTATE 55P03");
		assertThat(failure.action()).startsWith("Nothing of revision b2 was applied. The likely blocker is the oldest "
				+ "transaction, pid ")
			.endsWith("; or start again when traffic is lower, or raise MigrateSettings.Builder.ddlLockTimeout(...) / "
					+ "MigrateSettings.Builder.ddlLockRetries(...)");
		assertThat(listener.events(MigrationEvent.DdlLockRetry.class)).hasSize(2);
		assertThat(listener.events(MigrationEvent.RevisionFailed.class)).hasSize(1);
		assertThat(Queries.exists(db, this.schema + ".side_effect")).isFalse();
		assertThat(Queries.column(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
				+ this.schema + "' AND table_name = 'account'")).containsExactly("id");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(Queries.column(db, "SELECT revision || ' ' || success FROM " + this.schema
				+ ".migrate_history ORDER BY id")).containsExactly("a1 true", "b2 false");
	}

}
