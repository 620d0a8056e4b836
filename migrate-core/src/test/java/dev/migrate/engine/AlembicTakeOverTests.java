package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database Alembic migrated is taken over by pointing the version table at
 * {@code alembic_version}: its rows are read and updated as they are, with the same ids.
 */
class AlembicTakeOverTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	@Test
	void alembicVersionTableIsReadAndUpdatedAsItIs() {
		// Exactly what Alembic 1.x writes on PostgreSQL, followed by its first revision's work.
		db.execute("CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL,\n"
				+ "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)");
		db.execute("CREATE TABLE account (id SERIAL NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))");
		db.execute("INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712')");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("1975ea83b712", "", "create account table", true,
					"CREATE TABLE account (id SERIAL NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))",
					"DROP TABLE account")
			.add("ae1027a6acf", "1975ea83b712", "add last transaction column", true,
					"ALTER TABLE account ADD COLUMN last_tx TIMESTAMP WITHOUT TIME ZONE",
					"ALTER TABLE account DROP COLUMN last_tx");
		Migrator migrator = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(revisions.location()).versionTable("alembic_version").build());
		assertThat(migrator.current()).containsExactly("1975ea83b712");
		MigrationStatus status = migrator.status("heads");
		assertThat(status.state()).isEqualTo(MigrationStatus.State.PENDING);
		assertThat(status.applied()).singleElement().satisfies((applied) -> {
			assertThat(applied.revision()).isEqualTo("1975ea83b712");
			assertThat(applied.appliedAt()).isNull();
		});
		assertThat(migrator.upgrade("heads").completed()).containsExactly("ae1027a6acf");
		assertThat(Queries.column(db, "SELECT version_num FROM alembic_version")).containsExactly("ae1027a6acf");
		assertThat(Queries.value(db, "SELECT conname FROM pg_constraint WHERE conrelid = 'alembic_version'::regclass"))
			.isEqualTo("alembic_version_pkc");
		assertThat(Queries.exists(db, "public.migrate_history")).isTrue();
		assertThat(Queries.column(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'account'"
				+ " ORDER BY ordinal_position")).containsExactly("id", "name", "last_tx");
		assertThat(migrator.downgrade("-1").completed()).containsExactly("ae1027a6acf");
		assertThat(Queries.column(db, "SELECT version_num FROM alembic_version")).containsExactly("1975ea83b712");
	}

	@Test
	void unknownRowInAlembicVersionIsReportedAsAPartialPort() {
		String schema = PostgresDatabase.uniqueName("pp");
		db.execute("CREATE SCHEMA " + schema);
		db.execute("CREATE TABLE " + schema + ".alembic_version (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		db.execute("INSERT INTO " + schema + ".alembic_version (version_num) VALUES ('53fffde5ad5')");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("partial"))
			.add("1975ea83b712", "", "CREATE TABLE " + schema + ".account (id int)", "DROP TABLE account")
			.add("ae1027a6acf", "1975ea83b712", "SELECT 1", "SELECT 1");
		Migrator migrator = Migrator.create(db.dataSource(), MigrateSettings.builder()
			.locations(revisions.location())
			.schema(schema)
			.versionTable("alembic_version")
			.build());
		for (Runnable command : List.<Runnable>of(() -> migrator.upgrade("heads"), () -> migrator.downgrade("base"))) {
			assertThatExceptionOfType(MigrateException.class).isThrownBy(command::run).satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
				assertThat(ex.description()).startsWith("The version table alembic_version is at revision "
						+ "53fffde5ad5, which no revision file of this build defines: the Alembic history looks "
						+ "partly ported. In the database but not among the files: 53fffde5ad5");
				assertThat(ex.description()).doesNotContain("newer version");
				assertThat(ex.action()).startsWith("Port the missing Alembic revisions into");
			});
		}
		assertThat(Queries.column(db, "SELECT version_num FROM " + schema + ".alembic_version"))
			.containsExactly("53fffde5ad5");
	}

}
