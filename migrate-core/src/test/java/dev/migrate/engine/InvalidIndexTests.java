package dev.migrate.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An interrupted {@code CREATE INDEX CONCURRENTLY} leaves an INVALID index (here made by a unique
 * index build that fails on duplicates, as a cancelled or killed build does): a rerun that skips
 * it with {@code IF NOT EXISTS} is not recorded as applied, and one that collides with it (42P07)
 * names it and the ways out.
 */
class InvalidIndexTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("ix");
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY, email text);\n"
						+ "INSERT INTO account VALUES (1, 'a@example.com'), (2, 'a@example.com')",
				"DROP TABLE account");
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema).build());
	}

	private void leaveInvalidIndex() {
		migrator().upgrade("a1");
		try {
			db.execute("CREATE UNIQUE INDEX CONCURRENTLY account_email ON " + this.schema + ".account (email)");
		}
		catch (IllegalStateException ex) {
			// 23505: the build failed and left the index INVALID
		}
		assertThat(Queries.value(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = '" + this.schema
				+ ".account_email'::regclass")).isEqualTo("f");
	}

	@Test
	void createIndexConcurrentlyIfNotExistsSkippingAnInvalidIndexIsNotRecordedAsApplied() {
		leaveInvalidIndex();
		this.revisions.add("b2", "a1", "email index", false,
				"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS account_email ON account (email)",
				"DROP INDEX CONCURRENTLY IF EXISTS account_email");
		Migrator migrator = migrator();
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("Upgrade of revision b2",
				"left the index " + this.schema + ".account_email INVALID");
		assertThat(failure.action()).contains("not recorded as applied",
				"DROP INDEX CONCURRENTLY IF EXISTS " + this.schema + ".account_email;", "upgrade again");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(migrator.history().get(0).success()).isFalse();

		db.execute("DELETE FROM " + this.schema + ".account WHERE id = 2");
		db.execute("DROP INDEX CONCURRENTLY IF EXISTS " + this.schema + ".account_email");
		assertThat(migrator.upgrade("heads").completed()).containsExactly("b2");
	}

	@Test
	void rerunCollidingWithAnInvalidIndexNamesItAndTheWaysOut() {
		leaveInvalidIndex();
		this.revisions.add("b2", "a1", "email index", false,
				"CREATE UNIQUE INDEX CONCURRENTLY account_email ON account (email)",
				"DROP INDEX CONCURRENTLY IF EXISTS account_email");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator().upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("SQLSTATE 42P07");
		assertThat(failure.action()).contains("The index account_email already exists", "If it is INVALID",
				"DROP INDEX CONCURRENTLY IF EXISTS account_email;", "If it is valid", "IF NOT EXISTS")
			.doesNotContain("Fix the revision");
	}

	@Test
	void invalidIndexesOfTheManagedSchemasAreListed() {
		leaveInvalidIndex();
		db.execute("CREATE SCHEMA IF NOT EXISTS unmanaged; CREATE TABLE IF NOT EXISTS unmanaged.t (v int); "
				+ "INSERT INTO unmanaged.t VALUES (1), (1)");
		try {
			db.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_v ON unmanaged.t (v)");
		}
		catch (IllegalStateException ex) {
			// left INVALID
		}
		assertThat(migrator().invalidIndexes()).containsExactly(this.schema + ".account_email");
	}

	@Test
	void invalidIndexThatTheRevisionDoesNotTouchIsLeftAlone() {
		leaveInvalidIndex();
		this.revisions.add("b2", "a1", "other index", false,
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS account_id ON account (id)", "SELECT 1");
		assertThat(migrator().upgrade("heads").completed()).containsExactly("b2");
	}

}
