package dev.migrate.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per hazard the engine writes and per safer form it chooses: the hazard is on the step
 * (and in the rendered text above its statement), and where it is about existing rows, running
 * the upgrade on a table with such rows shows it is real.
 */
class SchemaHazardTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static ScratchDatabases databases;

	private static RoundTrip roundTrip;

	@BeforeAll
	static void databases() {
		databases = new ScratchDatabases(db);
		roundTrip = new RoundTrip(db, databases);
	}

	@AfterAll
	static void dropDatabases() {
		databases.close();
	}

	private static List<SchemaChange> diff(String a, String b) throws SQLException {
		return roundTrip.diff(SchemaPair.of("hazard", a, b));
	}

	private static List<String> hazards(List<SchemaChange> changes) {
		return changes.stream().flatMap((change) -> change.hazards().stream()).toList();
	}

	private static List<String> downgradeHazards(List<SchemaChange> changes) {
		return changes.stream().flatMap((change) -> change.downgradeHazards().stream()).toList();
	}

	/** Build schema A with rows, run the upgrade to B on it, and return the SQLSTATE of its error, or null. */
	private static String upgradeWithRows(String a, String rows, String b) throws SQLException {
		RevisionScripts scripts = RevisionScripts.render(diff(a, b));
		String database = databases.take();
		try {
			roundTrip.run(database, a + "\n" + rows, false);
			try {
				roundTrip.run(database, scripts.upgrade(), true);
				roundTrip.run(database, scripts.nonTransactionalUpgrade(), false);
				return null;
			}
			catch (AssertionError ex) {
				return ((SQLException) ex.getCause()).getSQLState();
			}
		}
		finally {
			databases.giveBack(database);
		}
	}

	@Test
	void functionsThatDefaultsAndChecksCallComeBeforeTheTablesAndTurnOffBodyChecksOnlyWhenNeeded()
			throws SQLException {
		RevisionScripts scripts = RevisionScripts.render(diff("", """
				CREATE TABLE counter (n int);
				CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' || (SELECT count(*) FROM counter) $$;
				CREATE FUNCTION stamp() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN now()::text; END $$;
				CREATE FUNCTION total() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT sum(n) FROM counter $$;
				CREATE TABLE item (code text DEFAULT next_code(), at text DEFAULT stamp());
				"""));
		String upgrade = scripts.upgrade();
		assertThat(upgrade.split("SET LOCAL check_function_bodies = off", -1)).as(upgrade).hasSize(2);
		assertThat(upgrade.indexOf("SET LOCAL check_function_bodies = off")).as(upgrade)
			.isLessThan(upgrade.indexOf("FUNCTION next_code()"));
		assertThat(upgrade.indexOf("FUNCTION next_code()")).as(upgrade)
			.isLessThan(upgrade.indexOf("CREATE TABLE counter"));
		assertThat(upgrade.indexOf("FUNCTION stamp()")).as(upgrade)
			.isLessThan(upgrade.indexOf("CREATE TABLE item"));
		assertThat(upgrade.indexOf("FUNCTION total()")).as("a function only its body uses tables in: after them")
			.isGreaterThan(upgrade.indexOf("CREATE TABLE item"));
		String downgrade = scripts.downgrade();
		assertThat(downgrade.indexOf("DROP FUNCTION next_code()")).as(downgrade)
			.isGreaterThan(downgrade.indexOf("DROP TABLE item"));
		assertThat(downgrade).doesNotContain("check_function_bodies");
	}

	@Test
	void droppingATableLosesItsData() throws SQLException {
		List<SchemaChange> changes = diff("CREATE TABLE gone (id int); CREATE TABLE kept (id int);",
				"CREATE TABLE kept (id int);");
		assertThat(hazards(changes)).containsExactly("drops table \"gone\" and its data");
		assertThat(downgradeHazards(changes)).containsExactly("recreates table \"gone\" empty: its data is not restored");
		assertThat(RevisionScripts.render(changes).upgrade())
			.isEqualTo("-- hazard: drops table \"gone\" and its data\nDROP TABLE gone;\n");
	}

	@Test
	void droppingAColumnLosesItsDataAndTheDowngradeDoesNotBringItBack() throws SQLException {
		List<SchemaChange> changes = diff("CREATE TABLE account (id int, email text);", "CREATE TABLE account (id int);");
		assertThat(hazards(changes)).containsExactly("drops column \"email\" and its data");
		assertThat(downgradeHazards(changes)).containsExactly("recreates column \"email\" without its data");
		assertThat(RevisionScripts.render(changes).upgrade())
			.isEqualTo("-- hazard: drops column \"email\" and its data\nALTER TABLE account DROP COLUMN email;\n");
	}

	@Test
	void renamesAreNotGuessedButDroppedAndAddedWithTheDataLossHazard() throws SQLException {
		List<SchemaChange> changes = diff("CREATE TABLE customer (id int, mail text);",
				"CREATE TABLE client (id int, email text);");
		assertThat(hazards(changes)).containsExactly("drops table \"customer\" and its data");
		assertThat(changes).extracting(SchemaChange::description)
			.containsExactly("table \"customer\" removed", "table \"client\" added");
		List<SchemaChange> columns = diff("CREATE TABLE t (id int, mail text);", "CREATE TABLE t (id int, email text);");
		assertThat(hazards(columns)).containsExactly("drops column \"mail\" and its data");
	}

	@Test
	void addingANotNullColumnWithoutDefaultMayFailOnExistingRows() throws SQLException {
		String a = "CREATE TABLE t (id int);";
		String b = "CREATE TABLE t (id int, required text NOT NULL);";
		assertThat(hazards(diff(a, b))).containsExactly("may fail on existing rows (NOT NULL without default)");
		assertThat(upgradeWithRows(a, "", b)).isNull();
		assertThat(upgradeWithRows(a, "INSERT INTO t VALUES (1);", b)).isEqualTo("23502");
	}

	@Test
	void addingANotNullColumnWithAConstantDefaultHasNoHazard() throws SQLException {
		assertThat(hazards(diff("CREATE TABLE t (id int);",
				"CREATE TABLE t (id int, language varchar(16) NOT NULL DEFAULT 'en');"))).isEmpty();
	}

	@Test
	void addingAColumnWithAVolatileDefaultRewritesTheTable() throws SQLException {
		assertThat(hazards(diff("CREATE TABLE document (id int);",
				"CREATE TABLE document (id int, token uuid DEFAULT gen_random_uuid());")))
			.containsExactly("rewrites table \"document\" under ACCESS EXCLUSIVE lock");
	}

	@Test
	void addingAStoredGeneratedOrIdentityColumnRewritesTheTable() throws SQLException {
		assertThat(hazards(diff("CREATE TABLE document (id int);",
				"CREATE TABLE document (id int, twice int GENERATED ALWAYS AS (id * 2) STORED, "
						+ "n bigint GENERATED ALWAYS AS IDENTITY);")))
			.containsExactly("rewrites table \"document\" under ACCESS EXCLUSIVE lock",
					"rewrites table \"document\" under ACCESS EXCLUSIVE lock");
	}

	@Test
	void changingATypeRewritesTheTableAndMayFailOnRowsThatDoNotConvert() throws SQLException {
		String a = "CREATE TABLE document (id int, code text);";
		String b = "CREATE TABLE document (id int, code integer);";
		assertThat(hazards(diff(a, b))).containsExactly("rewrites table \"document\" under ACCESS EXCLUSIVE lock",
				"may fail on existing rows (values of column \"code\" that do not convert to integer)");
		assertThat(upgradeWithRows(a, "INSERT INTO document VALUES (1, '42');", b)).isNull();
		assertThat(upgradeWithRows(a, "INSERT INTO document VALUES (1, 'x');", b)).isEqualTo("22P02");
	}

	@Test
	void wideningAVarcharIsNotARewrite() throws SQLException {
		List<SchemaChange> changes = diff("CREATE TABLE t (name varchar(50), n numeric(10,2));",
				"CREATE TABLE t (name varchar(100), n numeric(12,2));");
		assertThat(changes).hasSize(2);
		assertThat(hazards(changes)).isEmpty();
		assertThat(downgradeHazards(changes)).contains("rewrites table \"t\" under ACCESS EXCLUSIVE lock");
		assertThat(RevisionScripts.render(changes).upgrade()).contains("ALTER COLUMN name TYPE character varying(100);");
	}

	@Test
	void changingACollationRebuildsIndexes() throws SQLException {
		assertThat(hazards(diff("CREATE TABLE t (name text);", "CREATE TABLE t (name text COLLATE \"C\");")))
			.containsExactly("rebuilds the indexes on column \"name\" under ACCESS EXCLUSIVE lock");
	}

	@Test
	void settingNotNullScansTheTableAndMayFailOnNulls() throws SQLException {
		String a = "CREATE TABLE t (id int, word_count int);";
		String b = "CREATE TABLE t (id int, word_count int NOT NULL);";
		assertThat(hazards(diff(a, b))).containsExactly(
				"may fail on existing rows (NULL values in column \"word_count\")",
				"scans table \"t\" under ACCESS EXCLUSIVE lock");
		assertThat(upgradeWithRows(a, "INSERT INTO t VALUES (1, NULL);", b)).isEqualTo("23502");
	}

	@Test
	void makingAColumnAnIdentityWarnsThatItsSequenceStartsAtOne() throws SQLException {
		List<SchemaChange> changes = diff("CREATE TABLE t (id bigint NOT NULL);",
				"CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY);");
		assertThat(hazards(changes))
			.containsExactly("the identity sequence starts at 1: existing values may collide (set it with setval)");
	}

	@Test
	void aPrimaryKeyOrUniqueConstraintOnAnExistingTableBuildsAnIndexUnderLockAndMayFailOnDuplicates()
			throws SQLException {
		String a = "CREATE TABLE t (id int, code text);";
		String b = "CREATE TABLE t (id int PRIMARY KEY, code text CONSTRAINT t_code_key UNIQUE);";
		assertThat(hazards(diff(a, b))).containsExactly(
				"may fail on existing rows (NULL values in column \"id\")", "scans table \"t\" under ACCESS EXCLUSIVE lock",
				"builds an index on \"t\" under ACCESS EXCLUSIVE lock",
				"may fail on existing rows (values that break constraint \"t_code_key\")",
				"builds an index on \"t\" under ACCESS EXCLUSIVE lock",
				"may fail on existing rows (values that break constraint \"t_pkey\")");
		assertThat(upgradeWithRows(a, "INSERT INTO t VALUES (1, 'a'), (2, 'a');", b)).isEqualTo("23505");
	}

	@Test
	void aForeignKeyOnAnExistingTableIsAddedNotValidAndValidatedOutsideTheTransaction() throws SQLException {
		String a = "CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (id int, parent_id int);";
		String b = "CREATE TABLE parent (id int PRIMARY KEY); "
				+ "CREATE TABLE child (id int, parent_id int CONSTRAINT child_parent_fk REFERENCES parent (id));";
		RevisionScripts scripts = RevisionScripts.render(diff(a, b));
		assertThat(scripts.upgrade()).isEqualTo(
				"ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id) NOT VALID;\n");
		assertThat(scripts.nonTransactionalUpgrade()).isEqualTo(
				"-- hazard: may fail on existing rows (rows of \"child\" that break constraint \"child_parent_fk\")\n"
						+ "ALTER TABLE child VALIDATE CONSTRAINT child_parent_fk;\n");
		assertThat(scripts.downgrade()).isEqualTo("ALTER TABLE child DROP CONSTRAINT child_parent_fk;\n");
		assertThat(scripts.nonTransactionalDowngrade()).isEmpty();
		assertThat(upgradeWithRows(a, "INSERT INTO child VALUES (1, 7);", b)).isEqualTo("23503");
	}

	@Test
	void aCheckOnAnExistingTableIsAddedNotValidAndValidated() throws SQLException {
		String a = "CREATE TABLE t (n int);";
		String b = "CREATE TABLE t (n int CONSTRAINT t_n_check CHECK (n >= 0));";
		RevisionScripts scripts = RevisionScripts.render(diff(a, b));
		assertThat(scripts.upgrade()).isEqualTo("ALTER TABLE t ADD CONSTRAINT t_n_check CHECK ((n >= 0)) NOT VALID;\n");
		assertThat(scripts.nonTransactionalUpgrade()).endsWith("ALTER TABLE t VALIDATE CONSTRAINT t_n_check;\n");
		assertThat(upgradeWithRows(a, "INSERT INTO t VALUES (-1);", b)).isEqualTo("23514");
	}

	@Test
	void constraintsOfANewTableAreCreatedWithItAndValidatedAtOnce() throws SQLException {
		RevisionScripts scripts = RevisionScripts.render(diff("CREATE TABLE parent (id int PRIMARY KEY);",
				"CREATE TABLE parent (id int PRIMARY KEY); "
						+ "CREATE TABLE child (id int CHECK (id > 0), parent_id int REFERENCES parent (id));"));
		assertThat(scripts.upgrade()).doesNotContain("NOT VALID").contains("CHECK ((id > 0))")
			.contains("ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent(id);");
		assertThat(scripts.hasNonTransactionalPart()).isFalse();
	}

	@Test
	void anIndexOnAnExistingTableIsBuiltConcurrentlyInTheNonTransactionalRevision() throws SQLException {
		String a = HandWrittenPairs.VECTOR + "CREATE TABLE document (id int, embedding vector(3));";
		String b = a + "CREATE INDEX document_embedding_idx ON document USING hnsw (embedding vector_cosine_ops) "
				+ "WITH (m = 16, ef_construction = 64);";
		List<SchemaChange> changes = diff(a, b);
		assertThat(changes).singleElement().satisfies((change) -> assertThat(change.nonTransactional()).isTrue());
		RevisionScripts scripts = RevisionScripts.render(changes);
		assertThat(scripts.upgrade()).isEmpty();
		assertThat(scripts.nonTransactionalUpgrade()).isEqualTo("-- hazard: a failed or interrupted build leaves index "
				+ "\"document_embedding_idx\" INVALID: drop it before running this revision again\n"
				+ "CREATE INDEX CONCURRENTLY document_embedding_idx ON document USING hnsw (embedding vector_cosine_ops) "
				+ "WITH (m='16', ef_construction='64');\n");
		assertThat(scripts.nonTransactionalDowngrade()).isEqualTo("DROP INDEX CONCURRENTLY document_embedding_idx;\n");
	}

	@Test
	void aConcurrentBuildRunsOutsideATransactionBlockOnly() throws SQLException {
		String a = "CREATE TABLE t (id int);";
		String b = a + "CREATE INDEX t_id ON t (id);";
		RevisionScripts scripts = RevisionScripts.render(diff(a, b));
		String database = databases.take();
		try {
			roundTrip.run(database, a, false);
			assertThatThrownBy(() -> roundTrip.run(database, scripts.nonTransactionalUpgrade(), true))
				.hasMessageContaining("cannot run inside a transaction block");
			roundTrip.run(database, scripts.nonTransactionalUpgrade(), false);
		}
		finally {
			databases.giveBack(database);
		}
	}

	@Test
	void aUniqueIndexOnAnExistingTableMayFailOnDuplicates() throws SQLException {
		String a = "CREATE TABLE t (email text);";
		String b = a + "CREATE UNIQUE INDEX t_email ON t (lower(email));";
		assertThat(hazards(diff(a, b))).contains("may fail on existing rows (duplicate values for unique index \"t_email\")");
		assertThat(upgradeWithRows(a, "INSERT INTO t VALUES ('A'), ('a');", b)).isEqualTo("23505");
	}

	@Test
	void anIndexOnANewTableIsBuiltInTheTransaction() throws SQLException {
		RevisionScripts scripts = RevisionScripts.render(diff("", "CREATE TABLE t (id int); CREATE INDEX t_id ON t (id);"));
		assertThat(scripts.upgrade()).contains("CREATE INDEX t_id ON t USING btree (id);");
		assertThat(scripts.hasNonTransactionalPart()).isFalse();
	}

	@Test
	void anIndexOnAnExistingPartitionedTableCannotBeConcurrentAndMakesWritesWait() throws SQLException {
		String a = "CREATE TABLE e (at date) PARTITION BY RANGE (at); "
				+ "CREATE TABLE e_1 PARTITION OF e FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');";
		List<SchemaChange> changes = diff(a, a + "CREATE INDEX e_at ON e (at);");
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.nonTransactional()).isFalse();
			assertThat(change.hazards()).containsExactly("builds index \"e_at\" while writes to \"e\" wait");
		});
	}

	@Test
	void droppingASequenceLosesItsValue() throws SQLException {
		List<SchemaChange> changes = diff("CREATE SEQUENCE s;", "");
		assertThat(hazards(changes)).containsExactly("drops sequence \"s\" and its current value");
		assertThat(downgradeHazards(changes)).containsExactly("recreates sequence \"s\" at its start value");
	}

	@Test
	void droppingAnExtensionOrASchemaIsMarked() throws SQLException {
		assertThat(hazards(diff(HandWrittenPairs.VECTOR, "")))
			.containsExactly("drops extension \"vector\" (fails while objects outside the extension use it)");
		assertThat(hazards(roundTrip.diff(new SchemaPair("schema", List.of("public", "app"), "CREATE SCHEMA app;", ""))))
			.containsExactly("drops schema \"app\"");
	}

	@Test
	void creatingAMaterializedViewRunsItsQuery() throws SQLException {
		assertThat(hazards(diff("CREATE TABLE t (id int);",
				"CREATE TABLE t (id int); CREATE MATERIALIZED VIEW m AS SELECT count(*) FROM t;")))
			.containsExactly("runs the query of materialized view \"m\" to fill it");
	}

	@Test
	void enumLabelsAddedCannotBeUsedInTheSameTransaction() throws SQLException {
		List<SchemaChange> changes = diff("CREATE TYPE mood AS ENUM ('sad', 'happy');",
				"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');");
		assertThat(hazards(changes)).containsExactly("the new labels of type \"mood\" cannot be used before this "
				+ "transaction commits");
		assertThat(RevisionScripts.render(changes).upgrade()).contains("ALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';");
	}

	@Test
	void anEnumLabelThatANewDefaultUsesIsNotAddedWithAddValueButByRecreatingTheType() throws SQLException {
		String a = "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE person (m mood DEFAULT 'sad');";
		String b = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE person (m mood DEFAULT 'ok');";
		String upgrade = RevisionScripts.render(diff(a, b)).upgrade();
		assertThat(upgrade).doesNotContain("ADD VALUE").contains("ALTER TYPE mood RENAME TO mood__old;")
			.contains("ALTER TABLE person ALTER COLUMN m SET DEFAULT 'ok'::mood;");
		assertThat(upgradeWithRows(a, "INSERT INTO person VALUES ('happy');", b)).isNull();
	}

	@Test
	void driftOfALongDefinitionIsOneLine() throws SQLException {
		List<String> drift = SchemaDiff.describeDrift(diff("CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a FROM t;",
				"CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a, b FROM t WHERE a > 0;"));
		assertThat(drift).containsExactly("view \"v\" differs: SELECT t.a FROM t in the database, "
				+ "SELECT t.a, t.b FROM t WHERE (t.a > 0) in the revisions");
	}

	@Test
	void enumLabelsRemovedRewriteTablesAndMayFailOnRowsThatUseThem() throws SQLException {
		String a = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE person (m mood);";
		String b = "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE person (m mood);";
		assertThat(hazards(diff(a, b))).containsExactly("rewrites table \"person\" under ACCESS EXCLUSIVE lock",
				"may fail on existing rows (values whose label type \"mood\" no longer has) and while views or routines "
						+ "use the type");
		assertThat(upgradeWithRows(a, "INSERT INTO person VALUES ('sad');", b)).isNull();
		assertThat(upgradeWithRows(a, "INSERT INTO person VALUES ('ok');", b)).isEqualTo("22P02");
	}

	@Test
	void aRoutineWhoseResultTypeChangesIsDroppedAndCreatedAgain() throws SQLException {
		List<SchemaChange> changes = diff("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
				"CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT 1 $$;");
		assertThat(hazards(changes))
			.containsExactly("drops function \"f\"() to create it again (fails while other objects use it)");
	}

	@Test
	void aRoutineWhoseBodyChangesIsReplacedInPlace() throws SQLException {
		List<SchemaChange> changes = diff("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
				"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;");
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.hazards()).isEmpty();
			assertThat(change.upgrade()).singleElement().asString().startsWith("CREATE OR REPLACE FUNCTION f()");
		});
	}

	@Test
	void hazardsAreWrittenAboveTheirStatementInBothSections() throws SQLException {
		RevisionScripts scripts = RevisionScripts.render(
				diff("CREATE TABLE t (id int);", "CREATE TABLE t (id int, required text NOT NULL);"));
		assertThat(scripts.upgrade()).isEqualTo("-- hazard: may fail on existing rows (NOT NULL without default)\n"
				+ "ALTER TABLE t ADD COLUMN required text NOT NULL;\n");
		assertThat(scripts.downgrade())
			.isEqualTo("-- hazard: drops column \"required\" and its data\nALTER TABLE t DROP COLUMN required;\n");
	}

	@Test
	void driftIsDescribedFromTheDatabasesSide() throws SQLException {
		List<SchemaChange> changes = diff(
				"CREATE TABLE account (id int, nickname text, email varchar(50)); CREATE INDEX account_email ON account (email);",
				"CREATE TABLE account (id int, email varchar(64), created_at timestamptz);");
		assertThat(SchemaDiff.describeDrift(changes)).containsExactly(
				"index \"account_email\" on \"account\" exists in the database but no revision creates it",
				"table \"account\": column \"nickname\" exists in the database but no revision creates it",
				"table \"account\": column \"email\" differs: type character varying(50) in the database, "
						+ "type character varying(64) in the revisions",
				"table \"account\": column \"created_at\" is created by the revisions but missing from the database");
	}

	@Test
	void identicalSchemasHaveNoChanges() throws SQLException {
		String schema = HandWrittenPairs.VECTOR + "CREATE TABLE t (id int PRIMARY KEY, e vector(3)); "
				+ "CREATE INDEX t_e ON t USING hnsw (e vector_cosine_ops); CREATE VIEW v AS SELECT id FROM t;";
		assertThat(diff(schema, schema)).isEmpty();
		assertThat(RevisionScripts.render(List.of()).isEmpty()).isTrue();
	}

	@Test
	void excludedTablesAndExtensionObjectsAreNotRead() throws SQLException {
		String database = databases.take();
		try {
			roundTrip.run(database, HandWrittenPairs.VECTOR + "CREATE TABLE migrate_version (v text PRIMARY KEY); "
					+ "CREATE INDEX mv ON migrate_version (lower(v)); CREATE TABLE kept (id int);", false);
			try (Connection connection = databases.connect(database)) {
				SchemaCatalog catalog = CatalogReader.read(connection, List.of(), java.util.Set.of("migrate_version"));
				assertThat(catalog.tables()).extracting((table) -> table.name().name()).containsExactly("kept");
				assertThat(catalog.indexes()).isEmpty();
				assertThat(catalog.routines()).isEmpty();
				assertThat(catalog.extensions()).extracting(SchemaCatalog.Extension::name).containsExactly("vector");
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT current_setting('search_path')")) {
					rs.next();
					assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
				}
			}
		}
		finally {
			databases.giveBack(database);
		}
	}

}
