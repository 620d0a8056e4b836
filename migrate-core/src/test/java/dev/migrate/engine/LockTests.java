package dev.migrate.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
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
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The migration lock: its key, waiting without a snapshot, the fast path that never takes it,
 * and a timeout error that names the holder.
 */
class LockTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("l");
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema);
	}

	private long key() {
		return LockKey.derive(this.schema, "migrate_version").value();
	}

	private Connection holdLock(long key) throws Exception {
		Connection holder = db.dataSource("lock-holder").getConnection();
		try (Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + key + ")");
		}
		return holder;
	}

	private static int pid(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	@Test
	void keyIsTheFirstEightBytesOfTheSha256OfSchemaAndVersionTable() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest("public.migrate_version".getBytes(StandardCharsets.UTF_8));
		long expected = java.nio.ByteBuffer.wrap(digest, 0, 8).getLong();
		LockKey key = LockKey.derive("public", "migrate_version");
		assertThat(key.value()).isEqualTo(expected);
		assertThat(key.classId()).isEqualTo(expected >>> 32);
		assertThat(key.objId()).isEqualTo(expected & 0xFFFFFFFFL);
		assertThat(LockKey.derive("public", "alembic_version")).isNotEqualTo(key);
		assertThat(LockKey.derive("other", "migrate_version")).isNotEqualTo(key);
	}

	@Test
	void lockTimeoutNamesTheHolderAndTheWayOut() throws Exception {
		RecordingListener listener = new RecordingListener();
		Migrator migrator = Migrator.create(db.dataSource(), settings().lockTimeout(Duration.ofMillis(1500)).build(),
				listener);
		MigrateException failure;
		int holderPid;
		try (Connection holder = holdLock(key())) {
			holderPid = pid(holder);
			MigrationStatus status = migrator.status("heads");
			assertThat(status.lock()).isNotNull();
			assertThat(status.lock().pid()).isEqualTo(holderPid);
			assertThat(status.lock().applicationName()).isEqualTo("lock-holder");
			failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		}
		assertThat(failure.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
		assertThat(failure.description()).contains("pid " + holderPid, "application 'lock-holder'",
				"\"" + this.schema + "\".\"migrate_version\"", " within 1500 ms (waited ");
		assertThat(failure.action()).contains("pg_terminate_backend(" + holderPid + ")")
			.endsWith(". Or raise MigrateSettings.Builder.lockTimeout(...)");
		List<MigrationEvent.LockWaiting> waits = listener.events(MigrationEvent.LockWaiting.class);
		assertThat(waits).isNotEmpty();
		assertThat(waits.get(0).holder().pid()).isEqualTo(holderPid);
		assertThat(listener.types()).doesNotContain("RunStarted", "LockAcquired").endsWith("RunFinished");
		assertThat(Queries.exists(db, this.schema + ".account")).isFalse();
		// The holder's lock goes when its backend exits, a moment after the client closed it.
		Queries.awaitBackendGone(db, holderPid);
		assertThat(migrator.status("heads").lock()).isNull();
	}

	@Test
	void waiterPollsInAutocommitWithoutHoldingASnapshotAndTakesTheLockWhenReleased() throws Exception {
		RecordingListener listener = new RecordingListener();
		Migrator migrator = Migrator.create(db.dataSource("lock-waiter"), settings().build(), listener);
		CompletableFuture<MigrationResult> run;
		try (Connection holder = holdLock(key())) {
			run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (listener.events(MigrationEvent.LockWaiting.class).isEmpty() && System.nanoTime() - deadline < 0) {
				Thread.sleep(20);
			}
			assertThat(listener.events(MigrationEvent.LockWaiting.class)).isNotEmpty();
			for (int i = 0; i < 10; i++) {
				// Between polls the waiter is idle: no open transaction, no snapshot, not queued on a lock.
				// (Its wait event is ClientRead, or none for the instant before it starts reading.)
				assertThat(Queries.column(db, "SELECT state || ' ' || coalesce(backend_xmin::text, '-') || ' '"
						+ " || (wait_event_type IS NOT DISTINCT FROM 'Lock') FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND application_name = 'lock-waiter' AND state <> 'active'"))
					.allSatisfy((row) -> assertThat(row).isEqualTo("idle - false"));
				assertThat(Queries.value(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
						+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
					.isEqualTo("0");
				Thread.sleep(60);
			}
		}
		MigrationResult result = run.get(20, TimeUnit.SECONDS);
		assertThat(result.completed()).containsExactly("a1");
		assertThat(result.lockTaken()).isTrue();
		assertThat(listener.events(MigrationEvent.LockAcquired.class).get(0).waited()).isPositive();
	}

	@Test
	void fastPathTakesNoLockEvenWhileAnotherInstanceHoldsIt() throws Exception {
		Migrator.create(db.dataSource(), settings().build()).upgrade("heads");
		try (Connection holder = holdLock(key())) {
			MigrationResult result = Migrator.create(db.dataSource(), settings().lockTimeout(Duration.ZERO).build())
				.upgrade("heads");
			assertThat(result.lockTaken()).isFalse();
		}
	}

	@Test
	void lockIsReleasedWhenARunFailsAndTheConnectionGoesBackToThePool() throws Exception {
		this.revisions.add("b2", "a1", "CREATE TABLE b2_table (id int);\nSELECT 1 / 0", "SELECT 1");
		try (SingleConnectionDataSource pool = new SingleConnectionDataSource(db.connect())) {
			Migrator migrator = Migrator.create(pool, settings().build());
			MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
			assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
			assertThat(failure.description()).contains("SQLSTATE 22012");
			assertThat(Queries.advisoryLocks(db, LockKey.derive(this.schema, "migrate_version"))).isZero();
			assertThat(pool.physical().getAutoCommit()).isTrue();
			assertThat(migrator.current()).containsExactly("a1");
		}
	}

	@Test
	void configuredLockKeyIsUsedInsteadOfTheDerivedOne() throws Exception {
		Migrator migrator = Migrator.create(db.dataSource(),
				settings().lockKey(42L).lockTimeout(Duration.ofMillis(300)).build());
		try (Connection holder = holdLock(key())) {
			assertThat(migrator.upgrade("heads").completed()).containsExactly("a1");
		}
		this.revisions.add("b2", "a1", "SELECT 1", "SELECT 1");
		Migrator next = Migrator.create(db.dataSource(),
				settings().lockKey(42L).lockTimeout(Duration.ofMillis(300)).build());
		try (Connection holder = holdLock(42L)) {
			MigrateException failure = catchThrowableOfType(MigrateException.class, () -> next.upgrade("heads"));
			assertThat(failure.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
			assertThat(failure.description()).contains("key 42");
		}
	}

}
