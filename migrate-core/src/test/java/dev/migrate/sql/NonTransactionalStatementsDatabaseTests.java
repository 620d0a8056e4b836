package dev.migrate.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks {@link NonTransactionalStatements} against what PostgreSQL really does: every
 * statement it reports is refused inside a transaction block, and look-alikes it lets through
 * run there (and are rolled back).
 */
class NonTransactionalStatementsDatabaseTests {

	/** SQLSTATE of "... cannot run inside a transaction block". */
	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@BeforeAll
	static void createObjects() throws SQLException {
		db.execute("""
				CREATE TABLE account (id int PRIMARY KEY, name text);
				CREATE INDEX account_name ON account (name);
				CREATE TABLE measurement (id int) PARTITION BY RANGE (id);
				CREATE TABLE measurement_1 PARTITION OF measurement FOR VALUES FROM (0) TO (10);
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY account_name_2 ON account (name)",
			"CREATE UNIQUE INDEX CONCURRENTLY account_id ON account (id)", "DROP INDEX CONCURRENTLY account_name",
			"REINDEX INDEX CONCURRENTLY account_name", "REINDEX (CONCURRENTLY) TABLE account", "REINDEX SCHEMA public",
			"REINDEX DATABASE ${db}", "REINDEX SYSTEM ${db}",
			"ALTER TABLE measurement DETACH PARTITION measurement_1 CONCURRENTLY", "VACUUM account",
			"VACUUM (ANALYZE) account", "ALTER SYSTEM SET work_mem = '4MB'", "CREATE DATABASE never_created",
			"DROP DATABASE never_dropped", "ALTER DATABASE ${db} SET TABLESPACE pg_default",
			"CREATE TABLESPACE never_created LOCATION '/nowhere'", "DROP TABLESPACE never_dropped",
			"CREATE SUBSCRIPTION never_created CONNECTION 'dbname=none' PUBLICATION p", "CLUSTER", "CLUSTER VERBOSE",
			"DISCARD ALL", "COMMIT PREPARED 'none'", "ROLLBACK PREPARED 'none'" })
	void reportedStatementsAreRefusedInATransactionBlock(String sql) throws SQLException {
		String statement = sql.replace("${db}", "\"" + db.name() + "\"");
		assertThat(NonTransactionalStatements.find(new SqlStatement(statement, 1))).isPresent();
		assertThatExceptionOfType(SQLException.class).as(statement)
			.isThrownBy(() -> executeInTransaction(statement))
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo(ACTIVE_SQL_TRANSACTION));
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX account_name_3 ON account (name)", "DROP INDEX account_name",
			"REINDEX TABLE account", "REINDEX (CONCURRENTLY false) TABLE account", "ANALYZE account",
			"ALTER TABLE measurement DETACH PARTITION measurement_1", "ALTER DATABASE ${db} SET work_mem = '4MB'",
			"CLUSTER account USING account_pkey", "DISCARD PLANS",
			"CREATE SUBSCRIPTION rolled_back CONNECTION 'dbname=none' PUBLICATION p WITH (connect = false)",
			"SELECT 'VACUUM'", "CHECKPOINT" })
	void lookAlikesItLetsThroughRunInATransactionBlock(String sql) throws SQLException {
		String statement = sql.replace("${db}", "\"" + db.name() + "\"");
		assertThat(NonTransactionalStatements.find(new SqlStatement(statement, 1))).isEmpty();
		executeInTransaction(statement);
	}

	private static void executeInTransaction(String sql) throws SQLException {
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			finally {
				connection.rollback();
			}
		}
	}

}
