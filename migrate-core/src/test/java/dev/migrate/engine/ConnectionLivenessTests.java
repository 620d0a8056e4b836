package dev.migrate.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;
import dev.migrate.test.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The run's connection and a dead peer: a migrating process killed with {@code kill -9} while its
 * revision runs a long statement (the server notices the dead client through
 * {@code client_connection_check_interval} and ends the session, so the migration lock is free
 * within seconds instead of when the statement would have ended), and a server that stops
 * answering (the network timeout reports it instead of waiting forever).
 */
class ConnectionLivenessTests {

	private static final String APPLICATION = "migrate-kill9";

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	@Test
	void killedMigratorReleasesTheLockWithinFiveSeconds() throws Exception {
		String schema = PostgresDatabase.uniqueName("k");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int);\nSELECT pg_sleep(120)", "DROP TABLE account");
		LockKey key = LockKey.derive(schema, "migrate_version");
		ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ChildMigrator.class.getName(), db.url(), APPLICATION,
				revisions.location(), schema)
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("child.log").toFile());
		child.environment().put("MIGRATE_TEST_JDBC_USER", PostgresServer.get().user());
		child.environment().put("MIGRATE_TEST_JDBC_PASSWORD", PostgresServer.get().password());
		Process process = child.start();
		try {
			int pid = awaitSleepingBackend(process);
			assertThat(Queries.advisoryLocks(db, key)).isEqualTo(1);
			process.destroyForcibly();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			long killed = System.nanoTime();
			long deadline = killed + TimeUnit.SECONDS.toNanos(5);
			while (Queries.advisoryLocks(db, key) > 0) {
				assertThat(System.nanoTime() - deadline).as("the lock is still held 5 s after the kill").isNegative();
				Thread.sleep(20);
			}
			assertThat(Queries.column(db, "SELECT pid FROM pg_stat_activity WHERE pid = " + pid)).isEmpty();
		}
		finally {
			process.destroyForcibly();
		}
		revisions.add("a1", "", "CREATE TABLE account (id int)", "DROP TABLE account");
		Migrator next = Migrator.create(db.dataSource(), MigrateSettings.builder()
			.locations(revisions.location())
			.schema(schema)
			.build());
		assertThat(next.upgrade("heads").completed()).containsExactly("a1");
	}

	@Test
	void serverThatDoesNotAnswerWithinTheNetworkTimeoutIsReported() {
		String schema = PostgresDatabase.uniqueName("nt");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int);\nSELECT pg_sleep(60)", "DROP TABLE account");
		Migrator migrator = Migrator.create(db.dataSource(), MigrateSettings.builder()
			.locations(revisions.location())
			.schema(schema)
			.networkTimeout(Duration.ofSeconds(2))
			.build());
		long start = System.nanoTime();
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.action()).contains("Nothing of revision a1 was applied",
				"did not answer within the network timeout", "MigrateSettings.Builder.networkTimeout(...)");
		assertThat(Queries.exists(db, schema + ".account")).isFalse();
	}

	private static int awaitSleepingBackend(Process process) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() - deadline < 0) {
			List<String> pids = Queries.column(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
					+ "AND application_name = '" + APPLICATION + "' AND query LIKE '%pg_sleep%' AND state = 'active'");
			if (!pids.isEmpty()) {
				return Integer.parseInt(pids.get(0));
			}
			assertThat(process.isAlive()).as("the migrating process is alive").isTrue();
			Thread.sleep(50);
		}
		throw new AssertionError("The migrating process never ran its pg_sleep");
	}

}
