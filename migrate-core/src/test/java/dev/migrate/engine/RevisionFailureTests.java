package dev.migrate.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a failing revision leaves behind: nothing of a transactional revision, the statements
 * before the failure of a non-transactional one, a failed history row, and an error that names
 * the revision, file, statement, line, SQLSTATE and server message. The next run after the fix
 * completes.
 */
class RevisionFailureTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("f");
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema);
	}

	@Test
	void transactionalRevisionFailingHalfWayLeavesNothingAndIsRetriedAfterTheFix() {
		this.revisions.write("b2_add_cart.sql", """
				-- revision: b2
				-- down_revision: a1
				-- message: add cart

				-- upgrade
				CREATE TABLE cart (id int PRIMARY KEY);
				INSERT INTO cart (id) VALUES (1);
				INSERT INTO cart (id)
				  SELECT id FROM no_such_table;
				CREATE TABLE cart_line (id int);

				-- downgrade
				DROP TABLE cart;
				""");
		RecordingListener listener = new RecordingListener();
		Migrator migrator = Migrator.create(db.dataSource(), settings().build(), listener);
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("Upgrade of revision b2", "b2_add_cart.sql",
				"statement 3 of 4, line 8", "(error at line 9, column 18)", "SQLSTATE 42P01",
				"relation \"no_such_table\" does not exist", "Statement: INSERT INTO cart (id)");
		assertThat(failure.action()).contains("Nothing of revision b2 was applied", "b2_add_cart.sql",
				"start again");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(Queries.exists(db, this.schema + ".account")).isTrue();
		assertThat(Queries.exists(db, this.schema + ".cart")).isFalse();
		List<HistoryEntry> history = migrator.history();
		assertThat(history).extracting((entry) -> entry.revision() + " " + entry.success())
			.containsExactly("b2 false", "a1 true");
		assertThat(history.get(0).error()).contains("SQLSTATE 42P01", "statement 3 of 4");
		assertThat(listener.types()).endsWith("StatementStarted", "RevisionFailed", "RunFinished");
		MigrationEvent.RunFinished finished = listener.events(MigrationEvent.RunFinished.class).get(0);
		assertThat(finished.error()).isSameAs(failure);
		assertThat(finished.result().completed()).containsExactly("a1");
		assertThat(finished.result().headsAfter()).containsExactly("a1");

		this.revisions.write("b2_add_cart.sql", """
				-- revision: b2
				-- down_revision: a1
				-- message: add cart

				-- upgrade
				CREATE TABLE cart (id int PRIMARY KEY);
				INSERT INTO cart (id) VALUES (1);

				-- downgrade
				DROP TABLE cart;
				""");
		Migrator fixed = Migrator.create(db.dataSource(), settings().build());
		assertThat(fixed.upgrade("heads").completed()).containsExactly("b2");
		assertThat(fixed.current()).containsExactly("b2");
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".cart")).isEqualTo("1");
	}

	@Test
	void errorInTheFirstStatementIsPlacedOnItsLineAndColumn() {
		this.revisions.write("b2_first.sql", """
				-- revision: b2
				-- down_revision: a1

				-- upgrade
				SELECT id,
				       no_such_column FROM account;
				SELECT 1;
				""");
		Migrator migrator = Migrator.create(db.dataSource(), settings().build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("statement 1 of 2, line 5 (error at line 6, column 8)",
				"SQLSTATE 42703", "no_such_column");
		assertThat(migrator.current()).containsExactly("a1");
	}

	@Test
	void nonTransactionalRevisionKeepsTheStatementsBeforeTheFailureAndMustBeReRunnable() {
		this.revisions.add("b2", "a1", "index accounts", false,
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS account_id_extra ON account (id);\n"
						+ "CREATE INDEX CONCURRENTLY account_missing ON account (missing_column)",
				"DROP INDEX CONCURRENTLY IF EXISTS account_id_extra");
		Migrator migrator = Migrator.create(db.dataSource(), settings().build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("revision b2", "statement 2 of 2", "SQLSTATE 42703",
				"missing_column");
		assertThat(failure.action()).contains("not transactional", "statements 1 to 1 of 2", "stay applied",
				"re-runnable");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(Queries.exists(db, this.schema + ".account_id_extra")).isTrue();
		assertThat(migrator.history().get(0).success()).isFalse();

		this.revisions.add("b2", "a1", "index accounts", false,
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS account_id_extra ON account (id)",
				"DROP INDEX CONCURRENTLY IF EXISTS account_id_extra");
		Migrator fixed = Migrator.create(db.dataSource(), settings().build());
		assertThat(fixed.upgrade("heads").completed()).containsExactly("b2");
		assertThat(fixed.current()).containsExactly("b2");
	}

	@Test
	void nonTransactionalRevisionDoesNotLeakSessionSettings() throws Exception {
		this.revisions.add("b2", "a1", "vacuum", false, "SET work_mem = '77MB';\nVACUUM account", "SELECT 1")
			.add("c3", "b2", "check settings",
					true, "DO $$ BEGIN IF current_setting('work_mem') = '77MB' THEN RAISE 'leaked'; END IF; END $$",
					"SELECT 1");
		try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.connect())) {
			Migrator.create(dataSource, settings().build()).upgrade("heads");
			try (Statement statement = dataSource.physical().createStatement();
					var rs = statement.executeQuery("SELECT current_setting('work_mem'), current_setting('lock_timeout')")) {
				rs.next();
				assertThat(rs.getString(1)).isNotEqualTo("77MB");
				assertThat(rs.getString(2)).isEqualTo("0");
			}
		}
	}

	@Test
	void killedMigrationBackendLeavesNothingOfTheRevisionAndTheNextRunCompletesIt() throws Exception {
		db.execute("CREATE TABLE IF NOT EXISTS public.slow_flag (id int)");
		this.revisions.add("b2", "a1", "slow", true,
				"CREATE TABLE slow_work (id int);\n"
						+ "SELECT pg_sleep(CASE WHEN EXISTS (SELECT 1 FROM public.slow_flag) THEN 60 ELSE 0 END);\n"
						+ "INSERT INTO slow_work VALUES (1)",
				"DROP TABLE slow_work");
		db.execute("INSERT INTO public.slow_flag VALUES (1)");
		Migrator victim = Migrator.create(db.dataSource("migrate-victim"), settings().build());
		CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> victim.upgrade("heads"));
		int pid = awaitBackend("migrate-victim", "pg_sleep");
		assertThat(Queries.value(db, "SELECT pg_terminate_backend(" + pid + ")")).isEqualTo("t");
		db.execute("DELETE FROM public.slow_flag");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> {
			try {
				run.get(30, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw ex.getCause();
			}
		});
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("revision b2", "statement 2 of 3", "SQLSTATE 57P01");
		assertThat(failure.action()).contains("Nothing of revision b2 was applied", "connection to the server was lost",
				"the revision itself is probably fine", "run again once the server is back")
			.doesNotContain("Fix the revision");
		assertThat(Queries.exists(db, this.schema + ".slow_work")).isFalse();
		// The failure is recorded on a new connection, the run's own being gone.
		List<String> history = Queries.column(db, "SELECT revision || ' ' || success || ' ' || error FROM "
				+ this.schema + ".migrate_history ORDER BY id DESC");
		assertThat(history.get(0)).startsWith("b2 false ").contains("57P01");
		assertThat(Queries.column(db, "SELECT version_num FROM " + this.schema + ".migrate_version"))
			.containsExactly("a1");
		// The killed session's lock goes when its backend exits, which can be after the client saw the error.
		Queries.awaitBackendGone(db, pid);
		assertThat(Queries.advisoryLocks(db, LockKey.derive(this.schema, "migrate_version"))).isZero();

		Migrator next = Migrator.create(db.dataSource(), settings().lockTimeout(Duration.ofSeconds(5)).build());
		assertThat(next.upgrade("heads").completed()).containsExactly("b2");
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".slow_work")).isEqualTo("1");
	}

	@Test
	void versionTableChangedUnderTheRunIsAConflictAndNothingIsRecorded() {
		this.revisions.add("b2", "a1", "CREATE TABLE conflicting (id int);\nDELETE FROM migrate_version",
				"DROP TABLE conflicting");
		Migrator migrator = Migrator.create(db.dataSource(), settings().build());
		migrator.upgrade("a1");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.VERSION_TABLE_CONFLICT);
		assertThat(failure.description()).contains("replace the row 'a1' with 'b2'", "no row matched");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(Queries.exists(db, this.schema + ".conflicting")).isFalse();
		assertThat(migrator.history().get(0).success()).isFalse();

		// Alembic's order runs the sibling c3 before b2 (the walk from the heads takes b2's branch first)
		this.revisions.add("b2", "a1", "SELECT 1", "SELECT 1")
			.add("c3", "a1", "INSERT INTO migrate_version VALUES ('b2')", "SELECT 1");
		Migrator branched = Migrator.create(db.dataSource(), settings().build());
		MigrateException duplicate = catchThrowableOfType(MigrateException.class, () -> branched.upgrade("heads"));
		assertThat(duplicate.code()).isEqualTo(ErrorCode.VERSION_TABLE_CONFLICT);
		assertThat(duplicate.description()).contains("add the row 'b2'", "already there");
		// c3 committed with the stray row it wrote; b2 was not recorded.
		assertThat(branched.current()).containsExactly("b2", "c3");
		assertThat(branched.history().get(0).revision()).isEqualTo("b2");
		assertThat(branched.history().get(0).success()).isFalse();
	}

	@Test
	void failingJavaRevisionIsRolledBackAndNamed() {
		Migrator migrator = Migrator.create(db.dataSource(), settings().javaRevisions(List.of(new FailingRevision()))
			.build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("revision j2", "java:", "FailingRevision", "in its Java code",
				"IllegalStateException: half done");
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".account")).isEqualTo("0");
		assertThat(migrator.current()).containsExactly("a1");
	}

	@Test
	void irreversibleRevisionFailsTheDowngradeBeforeAnythingRuns() {
		this.revisions.add("b2", "a1", "one way", true, "CREATE TABLE one_way (id int)", null);
		Migrator migrator = Migrator.create(db.dataSource(), settings().build());
		migrator.upgrade("heads");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.downgrade("base"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.IRREVERSIBLE));
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(Queries.exists(db, this.schema + ".one_way")).isTrue();
	}

	private static int awaitBackend(String applicationName, String queryPart) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() - deadline < 0) {
			List<String> pids = Queries.column(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
					+ "AND application_name = '" + applicationName + "' AND query LIKE '%" + queryPart
					+ "%' AND state = 'active'");
			if (!pids.isEmpty()) {
				return Integer.parseInt(pids.get(0));
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No backend of " + applicationName + " ran " + queryPart);
	}

	@dev.migrate.RevisionInfo(id = "j2", downRevision = "a1", message = "fails")
	static final class FailingRevision implements dev.migrate.JavaRevision {

		@Override
		public void upgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO account VALUES (1)");
			}
			throw new IllegalStateException("half done");
		}

	}

}
