package dev.migrate.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.JavaRevision;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.RevisionInfo;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances starting at once against one database: the lock serializes them, the
 * tables are created once, every revision is applied exactly once, and a non-transactional
 * {@code CREATE INDEX CONCURRENTLY} completes while the other instances wait.
 */
class ConcurrentMigratorsTests {

	private static final int INSTANCES = 8;

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private List<MigrationResult> runConcurrently(String schema, RevisionDir revisions, List<RecordingListener> listeners,
			List<JavaRevision> javaRevisions) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MigrationResult>> futures = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				PGSimpleDataSource dataSource = (PGSimpleDataSource) db.dataSource("instance-" + i);
				// A safety net: a hang (e.g. CREATE INDEX CONCURRENTLY waiting for a waiter's snapshot)
				// fails the statement instead of the build.
				dataSource.setOptions("-c statement_timeout=30000");
				RecordingListener listener = new RecordingListener();
				listeners.add(listener);
				MigrateSettings settings = MigrateSettings.builder()
					.locations(revisions.location())
					.schema(schema)
					.instance("instance-" + i)
					.lockTimeout(java.time.Duration.ofSeconds(60))
					.javaRevisions(javaRevisions)
					.build();
				futures.add(pool.submit(() -> {
					Migrator migrator = Migrator.create(dataSource, settings, listener);
					start.await();
					return migrator.upgrade("heads");
				}));
			}
			start.countDown();
			List<MigrationResult> results = new ArrayList<>();
			for (Future<MigrationResult> future : futures) {
				results.add(future.get(90, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void eightInstancesOnAnEmptyDatabaseApplyEachRevisionExactlyOnce() throws Exception {
		String schema = PostgresDatabase.uniqueName("race");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("race"))
			.add("r1", "", "CREATE TABLE account (id bigserial PRIMARY KEY, name text);\nSELECT pg_sleep(0.3)",
					"DROP TABLE account")
			.add("r2", "r1", "ALTER TABLE account ADD COLUMN email text", "ALTER TABLE account DROP COLUMN email")
			.add("r3", "r2", "CREATE TYPE account_kind AS ENUM ('a', 'b')", "DROP TYPE account_kind")
			.add("r4", "r3", "index email", false,
					"DROP INDEX CONCURRENTLY IF EXISTS account_email;\n"
							+ "CREATE INDEX CONCURRENTLY account_email ON account (email)",
					"DROP INDEX CONCURRENTLY IF EXISTS account_email")
			.add("r5", "r4", "INSERT INTO account (name) VALUES ('first')", "DELETE FROM account");
		List<RecordingListener> listeners = new CopyOnWriteArrayList<>();
		List<MigrationResult> results = runConcurrently(schema, revisions, listeners, List.of());
		List<String> completed = results.stream().flatMap((result) -> result.completed().stream()).toList();
		assertThat(completed).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5");
		assertThat(results).allSatisfy((result) -> assertThat(result.headsAfter()).containsExactly("r5"));
		assertThat(Queries.column(db, "SELECT version_num FROM " + schema + ".migrate_version")).containsExactly("r5");
		assertThat(Queries.column(db, "SELECT revision || ' ' || direction || ' ' || success FROM " + schema
				+ ".migrate_history ORDER BY id"))
			.containsExactly("r1 upgrade true", "r2 upgrade true", "r3 upgrade true", "r4 upgrade true",
					"r5 upgrade true");
		assertThat(Queries.value(db, "SELECT count(*) FROM " + schema + ".account")).isEqualTo("1");
		assertThat(Queries.value(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = '" + schema
				+ ".account_email'::regclass")).isEqualTo("t");
		assertThat(listeners.stream().mapToInt((listener) -> listener.events(MigrationEvent.RevisionFinished.class).size()).sum())
			.isEqualTo(5);
		assertThat(Queries.advisoryLocks(db, LockKey.derive(schema, "migrate_version"))).isZero();
	}

	@Test
	void createIndexConcurrentlyCompletesWhileOtherInstancesWaitForTheLock() throws Exception {
		String schema = PostgresDatabase.uniqueName("cic");
		List<RecordingListener> listeners = new CopyOnWriteArrayList<>();
		RevisionDir revisions = new RevisionDir(this.dir.resolve("cic")).add("c2", "c1", "index titles", false,
				"DROP INDEX CONCURRENTLY IF EXISTS doc_title;\nCREATE INDEX CONCURRENTLY doc_title ON doc (title)",
				"DROP INDEX CONCURRENTLY IF EXISTS doc_title");
		List<MigrationResult> results = runConcurrently(schema, revisions, listeners,
				List.of(new DocumentsOnceTheOthersWait(listeners)));
		assertThat(results.stream().filter((result) -> result.completed().contains("c2")).count()).isEqualTo(1);
		assertThat(Queries.value(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = '" + schema
				+ ".doc_title'::regclass")).isEqualTo("t");
		assertThat(Queries.column(db, "SELECT version_num FROM " + schema + ".migrate_version")).containsExactly("c2");
		// Every other instance waited on the lock, polling in autocommit, while the index was built.
		assertThat(listeners.stream()
			.filter((listener) -> !listener.events(MigrationEvent.LockWaiting.class).isEmpty()
					&& !listener.events(MigrationEvent.LockAcquired.class).isEmpty()
					&& listener.events(MigrationEvent.RevisionStarted.class).isEmpty())
			.count()).isEqualTo(INSTANCES - 1);
	}

	/**
	 * Creates and fills the table to index, once every other instance is waiting for the lock (so
	 * that all of them wait while the next revision builds the index, however the threads are
	 * scheduled).
	 */
	@RevisionInfo(id = "c1", message = "documents")
	static final class DocumentsOnceTheOthersWait implements JavaRevision {

		private final List<RecordingListener> listeners;

		DocumentsOnceTheOthersWait(List<RecordingListener> listeners) {
			this.listeners = listeners;
		}

		@Override
		public void upgrade(Connection connection) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (waiting() < INSTANCES - 1) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("Only " + waiting() + " other instances waited for the lock");
				}
				Thread.sleep(20);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE doc (id bigserial PRIMARY KEY, title text)");
				statement.execute("INSERT INTO doc (title) SELECT 'doc ' || g FROM generate_series(1, 20000) g");
			}
		}

		private long waiting() {
			return this.listeners.stream()
				.filter((listener) -> !listener.events(MigrationEvent.LockWaiting.class).isEmpty())
				.count();
		}

	}

}
