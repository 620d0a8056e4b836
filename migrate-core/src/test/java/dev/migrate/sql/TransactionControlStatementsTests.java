package dev.migrate.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TransactionControlStatements}.
 */
class TransactionControlStatementsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			BEGIN                                   | BEGIN
			begin work                              | BEGIN
			Begin Transaction Isolation Level Serializable | BEGIN
			/* first */ BEGIN                       | BEGIN
			START TRANSACTION                       | START TRANSACTION
			start transaction read only             | START TRANSACTION
			COMMIT                                  | COMMIT
			commit work                             | COMMIT
			COMMIT TRANSACTION AND CHAIN            | COMMIT
			END                                     | END
			end transaction                         | END
			ABORT                                   | ABORT
			abort work                              | ABORT
			ROLLBACK                                | ROLLBACK
			rollback transaction and no chain       | ROLLBACK
			ROLLBACK TO before_backfill             | ROLLBACK TO SAVEPOINT
			rollback work to savepoint s1           | ROLLBACK TO SAVEPOINT
			ROLLBACK TRANSACTION TO s1              | ROLLBACK TO SAVEPOINT
			SAVEPOINT s1                            | SAVEPOINT
			RELEASE s1                              | RELEASE SAVEPOINT
			release savepoint s1                    | RELEASE SAVEPOINT
			PREPARE TRANSACTION 'deploy-42'         | PREPARE TRANSACTION
			prepare transaction E'x'                | PREPARE TRANSACTION
			PREPARE TRANSACTION $$x$$                | PREPARE TRANSACTION
			""")
	void findsTransactionControl(String sql, String construct) {
		assertThat(TransactionControlStatements.find(new SqlStatement(sql, 7)))
			.hasValueSatisfying((found) -> {
				assertThat(found.construct()).isEqualTo(construct);
				assertThat(found.line()).isEqualTo(7);
				assertThat(found.effect()).isNotBlank();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT 'COMMIT'", "CREATE TABLE \"commit\" (id int)", "UPDATE t SET rollback = 1",
			"SELECT begin FROM t", "DO $$ BEGIN COMMIT; END $$",
			"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
			"CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN ROLLBACK; END $$",
			"PREPARE transaction AS SELECT 1", "PREPARE transaction (int) AS SELECT $1", "PREPARE p AS SELECT 1",
			"COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
			"START_AT", "ENDING", "-- COMMIT\nSELECT 1", "/* ROLLBACK */ SELECT 1",
			"CALL release_all()", "SELECT 1; -- COMMIT" })
	void ignoresLookAlikes(String sql) {
		assertThat(TransactionControlStatements.find(new SqlStatement(sql, 1))).isEmpty();
	}

	@Test
	void checksEachPartOfAStatementBetweenMarkers() {
		String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nEND;\n"
				+ "CREATE TABLE t (id int);\n  commit;\nSELECT 1";
		assertThat(TransactionControlStatements.find(new SqlStatement(sql, 10)))
			.hasValueSatisfying((found) -> {
				assertThat(found.construct()).isEqualTo("COMMIT");
				assertThat(found.line()).isEqualTo(15);
			});
	}

	@Test
	void statementBetweenMarkersThatTheSplitterCannotReadIsNotReported() {
		assertThat(TransactionControlStatements.find(new SqlStatement("SELECT 'open;\nCOMMIT", 1))).isEmpty();
	}

}
