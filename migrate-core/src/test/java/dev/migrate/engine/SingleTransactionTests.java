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
 * The {@code singleTransaction} option: all transactional revisions of a run in one
 * transaction, committed before a non-transactional revision as Alembic does.
 */
class SingleTransactionTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("st");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name");
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(), MigrateSettings.builder()
			.locations(this.revisions.location())
			.schema(this.schema)
			.singleTransaction(true)
			.build());
	}

	@Test
	void failureRollsBackEveryRevisionOfTheRun() {
		this.revisions.add("c3", "b2", "INSERT INTO account (id, nope) VALUES (1, 2)", "DELETE FROM account");
		Migrator migrator = migrator();
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.action()).contains("together with the 2 revision(s) before it");
		assertThat(migrator.current()).isEmpty();
		assertThat(Queries.exists(db, this.schema + ".account")).isFalse();
		assertThat(Queries.column(db, "SELECT revision || ' ' || success FROM " + this.schema + ".migrate_history"))
			.containsExactly("c3 false");
	}

	@Test
	void nonTransactionalRevisionCommitsWhatCameBefore() {
		this.revisions
			.add("c3", "b2", "index", false, "CREATE INDEX CONCURRENTLY IF NOT EXISTS account_name ON account (name)",
					"DROP INDEX CONCURRENTLY IF EXISTS account_name")
			.add("d4", "c3", "INSERT INTO account (id, nope) VALUES (1, 2)", "DELETE FROM account");
		Migrator migrator = migrator();
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(migrator.current()).containsExactly("c3");
		assertThat(Queries.exists(db, this.schema + ".account_name")).isTrue();
		this.revisions.add("d4", "c3", "INSERT INTO account (id) VALUES (1)", "DELETE FROM account");
		assertThat(migrator().upgrade("heads").completed()).containsExactly("d4");
	}

	@Test
	void successfulRunRecordsEveryRevision() {
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("heads").completed()).containsExactly("a1", "b2");
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(migrator.history()).hasSize(2);
	}

}
