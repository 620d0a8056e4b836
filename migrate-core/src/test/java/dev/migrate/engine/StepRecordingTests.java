package dev.migrate.engine;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a step is recorded: one statement prepared in SQL for the run, its values written as
 * literals that mean the same whatever the session's settings, re-prepared when a revision
 * outside a transaction dropped it, and deallocated when the run ends.
 */
class StepRecordingTests {

	private static final String AWKWARD = "it's a \\back\\slash, {fn now()}, ? and $1; E'x' -- not a comment";

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	@Test
	void messageAndInstanceAreRecordedAsWrittenWhateverStandardConformingStringsSays() {
		for (String setting : new String[] { "on", "off" }) {
			String schema = PostgresDatabase.uniqueName("lit");
			RevisionDir revisions = new RevisionDir(this.dir.resolve(schema)).add("a1", "", AWKWARD, true,
					"CREATE TABLE account (id int)", "DROP TABLE account");
			PGSimpleDataSource dataSource = (PGSimpleDataSource) db.dataSource();
			dataSource.setOptions("-c standard_conforming_strings=" + setting);
			Migrator migrator = Migrator.create(dataSource,
					MigrateSettings.builder().locations(revisions.location()).schema(schema).instance(AWKWARD).build());
			migrator.upgrade("heads");
			HistoryEntry entry = migrator.history().get(0);
			assertThat(entry.message()).isEqualTo(AWKWARD);
			assertThat(entry.instance()).isEqualTo(AWKWARD);
			assertThat(entry.checksum()).isEqualTo(migrator.graph().get("a1").checksum());
			assertThat(entry.finishedAt()).isAfterOrEqualTo(entry.startedAt());
		}
	}

	@Test
	void checksumsOfRevisionsWithUnusualIdsAreReadBackAndCompared() {
		String schema = PostgresDatabase.uniqueName("ids");
		String id = "12ab\uD83D\uDE00x";
		RevisionDir revisions = new RevisionDir(this.dir.resolve(schema)).add(id, "", "CREATE TABLE account (id int)",
				"DROP TABLE account");
		MigrateSettings settings = MigrateSettings.builder().locations(revisions.location()).schema(schema).build();
		Migrator.create(db.dataSource(), settings).upgrade("heads");
		assertThat(Migrator.create(db.dataSource(), settings).upgrade("heads").lockTaken()).isFalse();
		revisions.add(id, "", "CREATE TABLE account (id bigint)", "DROP TABLE account");
		MigrateException failure = catchThrowableOfType(MigrateException.class,
				() -> Migrator.create(db.dataSource(), settings).upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
		assertThat(failure.description()).contains(id);
	}

	@Test
	void revisionOutsideATransactionThatDropsPreparedStatementsDoesNotBreakTheRecording() {
		String schema = PostgresDatabase.uniqueName("dealloc");
		RevisionDir revisions = new RevisionDir(this.dir.resolve(schema))
			.add("a1", "", "CREATE TABLE account (id int)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name")
			.add("c3", "b2", "deallocate", false, "DEALLOCATE ALL", "SELECT 1")
			.add("d4", "c3", "ALTER TABLE account ADD COLUMN email text", "ALTER TABLE account DROP COLUMN email");
		Migrator migrator = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(revisions.location()).schema(schema).build());
		assertThat(migrator.upgrade("heads").completed()).containsExactly("a1", "b2", "c3", "d4");
		assertThat(migrator.current()).containsExactly("d4");
		assertThat(migrator.history()).extracting((entry) -> entry.revision() + " " + entry.success())
			.containsExactly("d4 true", "c3 true", "b2 true", "a1 true");
	}

	@Test
	void recordsWithEveryPgjdbcQueryModeAndAutosave() throws Exception {
		for (String options : new String[] { "preferQueryMode=simple", "preferQueryMode=extendedForPrepared",
				"prepareThreshold=0", "autosave=always&cleanupSavepoints=true", "autosave=conservative" }) {
			String schema = PostgresDatabase.uniqueName("mode");
			RevisionDir revisions = new RevisionDir(this.dir.resolve(schema))
				.add("a1", "", "CREATE TABLE account (id int)", "DROP TABLE account")
				.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name");
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(db.url() + (db.url().contains("?") ? "&" : "?") + options);
			dataSource.setUser(db.user());
			dataSource.setPassword(db.password());
			Migrator migrator = Migrator.create(dataSource,
					MigrateSettings.builder().locations(revisions.location()).schema(schema).build());
			assertThat(migrator.upgrade("heads").completed()).as(options).containsExactly("a1", "b2");
			assertThat(migrator.downgrade("base").completed()).as(options).containsExactly("b2", "a1");
			assertThat(migrator.current()).as(options).isEmpty();
			assertThat(migrator.history()).as(options).extracting((entry) -> entry.direction() + " " + entry.revision())
				.containsExactly("downgrade a1", "downgrade b2", "upgrade b2", "upgrade a1");
		}
	}

	@Test
	void versionRowRemovedUnderTheDowngradeIsAConflictAndNothingIsCommitted() {
		String schema = PostgresDatabase.uniqueName("gone");
		RevisionDir revisions = new RevisionDir(this.dir.resolve(schema)).add("a1", "",
				"CREATE TABLE account (id int)", "DROP TABLE account;\nDELETE FROM migrate_version");
		Migrator migrator = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(revisions.location()).schema(schema).build());
		migrator.upgrade("heads");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.downgrade("base"));
		assertThat(failure.code()).isEqualTo(ErrorCode.VERSION_TABLE_CONFLICT);
		assertThat(failure.description()).contains("remove the row 'a1'", "no row matched");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(Queries.exists(db, schema + ".account")).isTrue();
		assertThat(migrator.history()).extracting((entry) -> entry.direction() + " " + entry.success())
			.containsExactly("downgrade false", "upgrade true");
	}

	@Test
	void runLeavesNoStatementPreparedInSqlOnThePooledConnection() throws Exception {
		String schema = PostgresDatabase.uniqueName("pool");
		RevisionDir revisions = new RevisionDir(this.dir.resolve(schema))
			.add("a1", "", "CREATE TABLE account (id int)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name");
		try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.connect())) {
			Migrator migrator = Migrator.create(dataSource,
					MigrateSettings.builder().locations(revisions.location()).schema(schema).build());
			migrator.upgrade("heads");
			migrator.downgrade("base");
			assertThat(migrator.current()).isEmpty();
			try (Statement statement = dataSource.physical().createStatement();
					ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_prepared_statements WHERE from_sql")) {
				rs.next();
				assertThat(rs.getInt(1)).isZero();
			}
		}
	}

}
