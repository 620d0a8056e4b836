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
 * SQL revisions that end, start or nest their transaction: refused when the revisions are
 * loaded, before anything runs, instead of being recorded as applied after a {@code ROLLBACK}
 * discarded their statements or a {@code COMMIT} kept half of them.
 */
class TransactionControlTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("tc");
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account");
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema).build());
	}

	@Test
	void rollbackInATransactionalRevisionIsRefusedBeforeAnythingRuns() {
		this.revisions.write("b2_cart.sql", """
				-- revision: b2
				-- down_revision: a1

				-- upgrade
				CREATE TABLE cart (id int);
				  rollback -- undo
				  ;
				CREATE TABLE cart_line (id int);
				""");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator().upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.TRANSACTION_CONTROL_STATEMENT);
		assertThat(failure.description()).startsWith(this.revisions.location())
			.contains("b2_cart.sql line 6: ROLLBACK ends the transaction", "discards the statements before it");
		assertThat(failure.action()).contains("Remove the statement", "delete them", "split",
				"'-- transactional: false' to the header of b2_cart.sql");
		assertThat(Queries.exists(db, this.schema + ".cart")).isFalse();
		assertThat(Queries.exists(db, this.schema + ".account")).isFalse();
	}

	@Test
	void commitInATransactionalRevisionIsRefusedBeforeAnythingRuns() {
		this.revisions.write("b2_cart.sql", """
				-- revision: b2
				-- down_revision: a1

				-- upgrade
				CREATE TABLE cart (id int);
				COMMIT WORK;
				SELECT * FROM no_such_table;
				""");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator().upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.TRANSACTION_CONTROL_STATEMENT);
		assertThat(failure.description()).contains("b2_cart.sql line 6: COMMIT ends the transaction");
		assertThat(Queries.exists(db, this.schema + ".cart")).isFalse();
	}

	@Test
	void alembicSqlOutputWithBeginAndCommitIsRefusedOnTheBeginLine() {
		this.revisions.write("b2_ported.sql", """
				-- revision: b2
				-- down_revision: a1

				-- upgrade
				BEGIN;

				-- Running upgrade a1 -> b2

				CREATE TABLE cart (id int);

				UPDATE alembic_version SET version_num='b2' WHERE alembic_version.version_num = 'a1';

				COMMIT;
				""");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator().upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.TRANSACTION_CONTROL_STATEMENT);
		assertThat(failure.description()).contains("b2_ported.sql line 5: BEGIN starts a transaction");
		assertThat(failure.action()).contains("Alembic's offline mode", "BEGIN; and COMMIT; lines");
	}

	@Test
	void beginAndEndInsideFunctionBodiesAndDoBlocksAreNotTransactionControl() {
		this.revisions.write("b2_bodies.sql", """
				-- revision: b2
				-- down_revision: a1

				-- upgrade
				CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN i IS NULL THEN 0 ELSE i END + 1;
				END;
				CREATE FUNCTION touch() RETURNS void LANGUAGE plpgsql AS $$
				BEGIN
				  IF true THEN
				    PERFORM 1;
				  END IF;
				  COMMIT;
				END
				$$;
				DO $$ BEGIN PERFORM add_one(1); END $$;
				""");
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("heads").completed()).containsExactly("a1", "b2");
		assertThat(Queries.value(db, "SELECT " + this.schema + ".add_one(41)")).isEqualTo("42");
	}

	@Test
	void nonTransactionalRevisionMayControlItsTransactions() {
		this.revisions.add("b2", "a1", "own transactions", false, """
				BEGIN;
				CREATE TABLE cart (id int);
				INSERT INTO cart VALUES (1);
				COMMIT;
				""", null);
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("heads").completed()).containsExactly("a1", "b2");
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".cart")).isEqualTo("1");
	}

}
