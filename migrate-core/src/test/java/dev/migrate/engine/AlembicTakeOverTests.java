package dev.migrate.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

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

}
