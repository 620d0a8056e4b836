package dev.migrate.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.HistoryEntry;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.RevisionInfo;
import dev.migrate.revision.Revision;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link Migrator} API end to end on a real PostgreSQL: tables, history, events, fast path,
 * status, schema handling and offline SQL.
 */
class MigratorTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("s");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text;\nCREATE INDEX account_name ON account (name)",
					"ALTER TABLE account DROP COLUMN name");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema).instance("test-1");
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(), settings().build());
	}

	@Test
	void upgradeOnEmptyDatabaseCreatesTablesAndRecordsEachRevision() {
		RecordingListener listener = new RecordingListener();
		Migrator migrator = Migrator.create(db.dataSource(), settings().build(), listener);
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.completed()).containsExactly("a1", "b2");
		assertThat(result.lockTaken()).isTrue();
		assertThat(result.headsAfter()).containsExactly("b2");
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(Queries.column(db, "SELECT version_num FROM " + this.schema + ".migrate_version"))
			.containsExactly("b2");
		assertThat(Queries.column(db, "SELECT column_name || ' ' || data_type || ' ' || character_maximum_length "
				+ "FROM information_schema.columns WHERE table_schema = '" + this.schema
				+ "' AND table_name = 'migrate_version'"))
			.containsExactly("version_num character varying 32");
		assertThat(Queries.exists(db, this.schema + ".account_name")).isTrue();
		List<HistoryEntry> history = migrator.history();
		assertThat(history).extracting(HistoryEntry::revision).containsExactly("b2", "a1");
		assertThat(history).allSatisfy((entry) -> {
			assertThat(entry.direction()).isEqualTo("upgrade");
			assertThat(entry.success()).isTrue();
			assertThat(entry.error()).isNull();
			assertThat(entry.databaseUser()).isEqualTo(db.user());
			assertThat(entry.instance()).isEqualTo("test-1");
			assertThat(entry.executionMs()).isGreaterThanOrEqualTo(0);
			assertThat(entry.finishedAt()).isAfterOrEqualTo(entry.startedAt());
			assertThat(entry.checksum()).isEqualTo(migrator.graph().get(entry.revision()).checksum()).isNotNull();
		});
		assertThat(history.get(1).message()).isEqualTo("revision a1");
		assertThat(listener.types()).containsExactly("LockAcquired", "RunStarted", "RevisionStarted",
				"StatementStarted", "RevisionFinished", "RevisionStarted", "StatementStarted", "StatementStarted",
				"RevisionFinished", "RunFinished");
		List<MigrationEvent.StatementStarted> statements = listener.events(MigrationEvent.StatementStarted.class);
		assertThat(statements).extracting(MigrationEvent.StatementStarted::statement).containsExactly(1, 1, 2);
		assertThat(statements).extracting(MigrationEvent.StatementStarted::statements).containsExactly(1, 2, 2);
		assertThat(statements.get(2).line()).isEqualTo(statements.get(1).line() + 1);
		MigrationEvent.RunFinished finished = listener.events(MigrationEvent.RunFinished.class).get(0);
		assertThat(finished.error()).isNull();
		assertThat(finished.result().completed()).containsExactly("a1", "b2");
	}

	@Test
	void nothingPendingTakesTheFastPathWithoutTheLock() {
		migrator().upgrade("heads");
		RecordingListener listener = new RecordingListener();
		MigrationResult result = Migrator.create(db.dataSource(), settings().build(), listener).upgrade("heads");
		assertThat(result.lockTaken()).isFalse();
		assertThat(result.completed()).isEmpty();
		assertThat(result.plan().isEmpty()).isTrue();
		assertThat(result.headsAfter()).containsExactly("b2");
		assertThat(listener.types()).containsExactly("RunFinished");
	}

	@Test
	void readsCreateNothingWhenTheTablesAreMissing() {
		Migrator migrator = migrator();
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.history()).isEmpty();
		assertThat(migrator.pending("heads")).extracting(Revision::id).containsExactly("a1", "b2");
		MigrationStatus status = migrator.status("heads");
		assertThat(status.state()).isEqualTo(MigrationStatus.State.PENDING);
		assertThat(status.current()).isEmpty();
		assertThat(status.lock()).isNull();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.check("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.PENDING_REVISIONS))
			.withMessageContaining("a1")
			.withMessageContaining("b2");
		assertThat(Queries.value(db, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + this.schema + "'"))
			.isEqualTo("0");
	}

	@Test
	void pendingCheckAndStatusFollowTheDatabase() {
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("a1").completed()).containsExactly("a1");
		assertThat(migrator.pending("heads")).extracting(Revision::id).containsExactly("b2");
		assertThat(migrator.heads()).extracting(Revision::id).containsExactly("b2");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.check("heads"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.PENDING_REVISIONS);
				assertThat(ex.action()).isEqualTo("Upgrade the database: Migrator.upgrade(\"heads\")");
			});
		migrator.check("a1");
		migrator.upgrade("+1");
		migrator.check("heads");
		MigrationStatus status = migrator.status("heads");
		assertThat(status.state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
		assertThat(status.current()).containsExactly("b2");
		assertThat(status.heads()).containsExactly("b2");
		assertThat(status.pending()).isEmpty();
		assertThat(status.problems()).isEmpty();
		assertThat(status.applied()).extracting("revision").containsExactly("a1", "b2");
		assertThat(status.applied()).allSatisfy((applied) -> {
			assertThat(applied.appliedAt()).isNotNull();
			assertThat(applied.appliedBy()).isEqualTo(db.user());
			assertThat(applied.checksum()).isNotNull();
		});
		assertThat(status.applied().get(1).message()).isEqualTo("revision b2");
	}

	@Test
	void downgradeRunsDowngradeSectionsAndRecordsThem() {
		Migrator migrator = migrator();
		migrator.upgrade("heads");
		MigrationResult result = migrator.downgrade("-1");
		assertThat(result.completed()).containsExactly("b2");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(Queries.column(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
				+ this.schema + "' AND table_name = 'account'")).containsExactly("id");
		migrator.downgrade("base");
		assertThat(migrator.current()).isEmpty();
		assertThat(Queries.exists(db, this.schema + ".account")).isFalse();
		assertThat(migrator.history()).extracting((entry) -> entry.direction() + " " + entry.revision())
			.containsExactly("downgrade a1", "downgrade b2", "upgrade b2", "upgrade a1");
		assertThat(migrator.downgrade("base").lockTaken()).isFalse();
	}

	@Test
	void stampMovesTheVersionTableAndRecordsIt() {
		Migrator migrator = migrator();
		MigrationResult result = migrator.stamp(List.of("b2"), false);
		assertThat(result.completed()).containsExactly("b2");
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(Queries.exists(db, this.schema + ".account")).isFalse();
		HistoryEntry entry = migrator.history().get(0);
		assertThat(entry.direction()).isEqualTo("stamp");
		assertThat(entry.revision()).isEqualTo("b2");
		migrator.stamp(List.of("base"), false);
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.history().get(0).direction()).isEqualTo("stamp");
		assertThat(migrator.history().get(0).revision()).isNull();
	}

	@Test
	void schemaIsCreatedUsedForRevisionsAndTheConnectionIsGivenBackAsItWas() throws Exception {
		try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.connect())) {
			String before = searchPath(dataSource.physical());
			Migrator.create(dataSource, settings().build()).upgrade("heads");
			assertThat(Queries.exists(db, this.schema + ".account")).isTrue();
			assertThat(Queries.exists(db, this.schema + ".migrate_history")).isTrue();
			assertThat(Queries.exists(db, "public.account")).isFalse();
			assertThat(searchPath(dataSource.physical())).isEqualTo(before);
			assertThat(dataSource.physical().getAutoCommit()).isTrue();
			assertThat(Queries.advisoryLocks(db, LockKey.derive(this.schema, "migrate_version"))).isZero();
		}
	}

	@Test
	void withoutSchemaTheTablesGoIntoTheConnectionsCurrentSchema() {
		db.execute("CREATE SCHEMA " + this.schema);
		PGSimpleDataSource dataSource = (PGSimpleDataSource) db.dataSource();
		dataSource.setCurrentSchema(this.schema);
		Migrator migrator = Migrator.create(dataSource,
				MigrateSettings.builder().locations(this.revisions.location()).build());
		migrator.upgrade("heads");
		assertThat(Queries.exists(db, this.schema + ".migrate_version")).isTrue();
		assertThat(Queries.exists(db, this.schema + ".account")).isTrue();
		assertThat(migrator.current()).containsExactly("b2");
	}

	@Test
	void javaRevisionRunsOnTheRunConnectionInsideItsTransaction() {
		AuditRevision java = new AuditRevision();
		Migrator migrator = Migrator.create(db.dataSource(), settings().javaRevisions(List.of(java)).build());
		migrator.upgrade("heads");
		assertThat(java.autoCommit).isFalse();
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".account")).isEqualTo("1");
		assertThat(migrator.current()).containsExactly("j3");
		migrator.downgrade("b2");
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".account")).isEqualTo("0");
	}

	@Test
	void offlineSqlNeedsNoDatabase() {
		PGSimpleDataSource nowhere = new PGSimpleDataSource();
		nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
		Migrator migrator = Migrator.create(nowhere, settings().build());
		String upgrade = migrator.upgradeSql(null, "heads");
		assertThat(upgrade).contains("CREATE TABLE", "CREATE TABLE account", "ADD COLUMN name");
		assertThat(migrator.upgradeSql("a1", "heads")).doesNotContain("CREATE TABLE account").contains("ADD COLUMN");
		assertThat(migrator.downgradeSql("b2", "a1")).contains("DROP COLUMN name");
		assertThat(migrator.stampSql(null, List.of("b2"))).contains("b2");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::current)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.DATABASE_UNREACHABLE));
	}

	@Test
	void badSettingsAndRevisionsFailWhenTheMigratorIsCreated() {
		DataSource dataSource = db.dataSource();
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.create(dataSource, settings().historyTable("migrate_version").build()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION));
		this.revisions.add("c3", "zz", "SELECT 1", "SELECT 1");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.create(dataSource, settings().build()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MISSING_DOWN_REVISION));
	}

	private static String searchPath(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW search_path")) {
			rs.next();
			return rs.getString(1);
		}
	}

	@RevisionInfo(id = "j3", downRevision = "b2", message = "insert an account")
	static final class AuditRevision implements JavaRevision {

		volatile Boolean autoCommit;

		@Override
		public void upgrade(Connection connection) throws Exception {
			this.autoCommit = connection.getAutoCommit();
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO account (id, name) VALUES (1, 'first')");
			}
		}

		@Override
		public void downgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM account");
			}
		}

	}

}
