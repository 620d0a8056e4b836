package dev.migrate.engine;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
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
 * Migrations run by a role that lacks privileges ({@code insufficient_privilege}, SQLSTATE
 * 42501): the failure names the object and says to grant the privileges or to run migrations
 * with a privileged role, naming the connection setting in the caller's words. The role is
 * created in the test's database and dropped afterwards.
 */
class InsufficientPrivilegeTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private String role;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("p");
		this.role = PostgresDatabase.uniqueName("unprivileged");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name");
		Migrator.create(db.dataSource(), settings(Vocabulary.java())).upgrade("a1");
		db.execute("CREATE ROLE " + this.role + " LOGIN PASSWORD 'secret-pw'");
		db.execute("REVOKE ALL ON SCHEMA " + this.schema + " FROM PUBLIC");
		db.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + this.schema + " FROM PUBLIC");
	}

	@AfterEach
	void dropRole() {
		db.execute("DROP OWNED BY " + this.role);
		db.execute("DROP ROLE " + this.role);
	}

	private MigrateSettings settings(Vocabulary vocabulary) {
		return MigrateSettings.builder()
			.locations(this.revisions.location())
			.schema(this.schema)
			.vocabulary(vocabulary)
			.build();
	}

	private DataSource asRole() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(db.url());
		dataSource.setUser(this.role);
		dataSource.setPassword("secret-pw");
		return dataSource;
	}

	@Test
	void roleWithoutUsageOnTheSchemaIsToldToGetItOrUseAPrivilegedRole() {
		MigrateException failure = catchThrowableOfType(MigrateException.class,
				() -> Migrator.create(asRole(), settings(TestVocabulary.INSTANCE)).upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.DATABASE);
		assertThat(failure.description()).contains("SQLSTATE 42501", "permission denied for schema " + this.schema);
		assertThat(failure.action()).isEqualTo("The database role migrations run as lacks privileges on schema "
				+ this.schema + ": grant them to it, or run migrations with a privileged role "
				+ "(<connection>)");
	}

	@Test
	void roleWithoutPrivilegesOnTheVersionTableIsToldToGetThemOrUseAPrivilegedRole() {
		db.execute("GRANT USAGE ON SCHEMA " + this.schema + " TO " + this.role);
		MigrateException failure = catchThrowableOfType(MigrateException.class,
				() -> Migrator.create(asRole(), settings(Vocabulary.java())).upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.DATABASE);
		assertThat(failure.description()).contains("SQLSTATE 42501", "permission denied for table migrate_version");
		assertThat(failure.action()).isEqualTo("The database role migrations run as lacks privileges on table "
				+ "migrate_version: grant them to it, or run migrations with a privileged role (the DataSource given "
				+ "to Migrator.create)");
	}

	@Test
	void revisionThatNeedsOwnershipSaysSoInsteadOfBlamingTheRevision() {
		db.execute("GRANT USAGE ON SCHEMA " + this.schema + " TO " + this.role);
		db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + this.schema + ".migrate_version, " + this.schema
				+ ".migrate_history TO " + this.role);
		Migrator migrator = Migrator.create(asRole(), settings(TestVocabulary.INSTANCE));
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("revision b2", "SQLSTATE 42501", "must be owner of table account");
		assertThat(failure.action()).isEqualTo("Nothing of revision b2 was applied (its transaction was rolled back). "
				+ "The database role migrations run as does not own table account, and only its owner may do this: "
				+ "make it the owner (or a member of the owning role), or run migrations with a privileged role "
				+ "(<connection>); then start again");
		assertThat(migrator.current()).containsExactly("a1");
	}

}
