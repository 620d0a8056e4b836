package dev.migrate.sql;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NonTransactionalStatements}.
 */
class NonTransactionalStatementsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			CREATE INDEX CONCURRENTLY account_name ON account (name)                  | CREATE INDEX CONCURRENTLY
			create index concurrently if not exists account_name on account (name)    | CREATE INDEX CONCURRENTLY
			CREATE INDEX CONCURRENTLY ON account (name)                               | CREATE INDEX CONCURRENTLY
			Create Unique Index Concurrently account_email ON account (email)         | CREATE UNIQUE INDEX CONCURRENTLY
			CREATE /* why not */ INDEX -- now\\n CONCURRENTLY doc_embedding ON document USING hnsw (embedding vector_cosine_ops) | CREATE INDEX CONCURRENTLY
			DROP INDEX CONCURRENTLY account_name                                      | DROP INDEX CONCURRENTLY
			drop index concurrently if exists account_name                            | DROP INDEX CONCURRENTLY
			REINDEX INDEX CONCURRENTLY account_name                                   | REINDEX CONCURRENTLY
			REINDEX TABLE CONCURRENTLY account                                        | REINDEX CONCURRENTLY
			REINDEX (VERBOSE) TABLE CONCURRENTLY account                              | REINDEX CONCURRENTLY
			REINDEX (CONCURRENTLY) TABLE account                                      | REINDEX CONCURRENTLY
			REINDEX (VERBOSE, CONCURRENTLY true) INDEX account_name                   | REINDEX CONCURRENTLY
			REINDEX SCHEMA public                                                     | REINDEX SCHEMA
			REINDEX DATABASE app                                                      | REINDEX DATABASE
			reindex system                                                            | REINDEX SYSTEM
			ALTER TABLE measurement DETACH PARTITION measurement_2020 CONCURRENTLY    | ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY
			alter table if exists only "m" detach partition "m_2020" concurrently     | ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY
			VACUUM                                                                    | VACUUM
			vacuum (analyze, verbose) account                                         | VACUUM
			VACUUM FULL account                                                       | VACUUM
			ALTER SYSTEM SET work_mem = '64MB'                                        | ALTER SYSTEM
			alter system reset all                                                    | ALTER SYSTEM
			CREATE DATABASE app2                                                      | CREATE DATABASE
			DROP DATABASE IF EXISTS app2 WITH (FORCE)                                 | DROP DATABASE
			ALTER DATABASE app SET TABLESPACE fast                                    | ALTER DATABASE ... SET TABLESPACE
			ALTER DATABASE "my app" SET TABLESPACE fast                               | ALTER DATABASE ... SET TABLESPACE
			CREATE TABLESPACE fast LOCATION '/ssd/pg'                                 | CREATE TABLESPACE
			DROP TABLESPACE IF EXISTS fast                                            | DROP TABLESPACE
			CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p                   | CREATE SUBSCRIPTION
			CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (create_slot = true) | CREATE SUBSCRIPTION
			DROP SUBSCRIPTION s                                                       | DROP SUBSCRIPTION
			ALTER SUBSCRIPTION s REFRESH PUBLICATION                                  | ALTER SUBSCRIPTION ... REFRESH PUBLICATION
			ALTER SUBSCRIPTION s SET PUBLICATION p                                    | ALTER SUBSCRIPTION ... SET PUBLICATION (with refresh)
			ALTER SUBSCRIPTION s ADD PUBLICATION p2 WITH (copy_data = false)          | ALTER SUBSCRIPTION ... ADD PUBLICATION (with refresh)
			CLUSTER                                                                   | CLUSTER without a table name
			CLUSTER VERBOSE                                                           | CLUSTER without a table name
			DISCARD ALL                                                               | DISCARD ALL
			COMMIT PREPARED 'tx1'                                                     | COMMIT PREPARED
			ROLLBACK PREPARED 'tx1'                                                   | ROLLBACK PREPARED
			SELECT 1; VACUUM account                                                  | VACUUM
			SELECT ';'; (SELECT 2; ); ; DROP INDEX CONCURRENTLY i                     | DROP INDEX CONCURRENTLY
			""")
	void findsStatementsThatCannotRunInATransaction(String sql, String construct) {
		assertThat(find(sql.replace("\\n", "\n"))).contains(construct);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX account_name ON account (name)",
			"CREATE INDEX \"concurrently\" ON account (name)", "CREATE UNIQUE INDEX account_email ON account (email)",
			"CREATE TABLE concurrently_built (id int)", "DROP INDEX account_name", "DROP INDEX \"concurrently\"",
			"REINDEX TABLE account", "REINDEX INDEX account_name", "REINDEX (CONCURRENTLY false) TABLE account",
			"REINDEX (VERBOSE) TABLE \"concurrently\"", "ALTER TABLE measurement DETACH PARTITION measurement_2020",
			"ALTER TABLE measurement DETACH PARTITION measurement_2020 FINALIZE",
			"ALTER TABLE t ADD COLUMN concurrently_flag boolean",
			"ALTER TABLE t ADD CONSTRAINT c CHECK (note <> 'detach partition x concurrently')",
			"ANALYZE account", "SELECT 'create index concurrently x on y (z)'", "SELECT \"vacuum\" FROM jobs",
			"UPDATE jobs SET vacuum = true", "INSERT INTO t (vacuum) VALUES (1)", "\"VACUUM\"",
			"-- VACUUM\nSELECT 1", "/* VACUUM */ SELECT 1", "/* ALTER SYSTEM */ ALTER TABLE t ADD x int",
			"SELECT $$CREATE DATABASE x$$", "DO $$BEGIN EXECUTE 'VACUUM'; END$$", "COMMENT ON TABLE t IS 'VACUUM'",
			"ALTER DATABASE app SET work_mem = '64MB'", "ALTER DATABASE app SET search_path = tablespace",
			"ALTER TABLESPACE fast RENAME TO faster", "ALTER TABLE t SET TABLESPACE fast",
			"CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (connect = false)",
			"CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (create_slot = false, enabled = false)",
			"ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)", "ALTER SUBSCRIPTION s DISABLE",
			"ALTER SUBSCRIPTION s SET (slot_name = NONE)", "CLUSTER account USING account_pkey",
			"CLUSTER VERBOSE account", "CLUSTER (VERBOSE) account", "DISCARD PLANS", "COMMIT", "ROLLBACK",
			"REFRESH MATERIALIZED VIEW CONCURRENTLY stats", "CHECKPOINT", "CREATE EXTENSION IF NOT EXISTS vector",
			"ALTER TYPE mood ADD VALUE 'meh'", "", "-- nothing", "(SELECT 1)", "E'VACUUM'", "U&\"VACUUM\"",
			"CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY vacuum; SELECT 1)", "SELECT 1;;", "; ;",
			"CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (connect = false); SELECT 1",
			"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END" })
	void ignoresStatementsThatMayRunInATransaction(String sql) {
		assertThat(find(sql)).isEmpty();
	}

	private static Optional<String> find(String sql) {
		return NonTransactionalStatements.find(new SqlStatement(sql, 1));
	}

}
