package dev.migrate.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTableSqlTests {

	private final HistoryTableSql sql = new HistoryTableSql(TableNames.of(null, "migrate_version", "migrate_history"));

	@Test
	void createHasTheHistoryColumns() {
		assertThat(this.sql.createIfNotExists()).isEqualTo("""
				CREATE TABLE IF NOT EXISTS "migrate_history" (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    revision varchar(32),
				    direction varchar(16) NOT NULL,
				    message text,
				    checksum varchar(64),
				    started_at timestamptz NOT NULL,
				    finished_at timestamptz NOT NULL,
				    execution_ms bigint NOT NULL,
				    success boolean NOT NULL,
				    error text,
				    database_user text NOT NULL DEFAULT current_user,
				    instance text
				)""");
	}

	@Test
	void preparedInsertHasTenParametersInColumnOrder() {
		assertThat(this.sql.insert()).isEqualTo("INSERT INTO \"migrate_history\" (revision, direction, message, "
				+ "checksum, started_at, finished_at, execution_ms, success, error, instance) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	}

	@Test
	void insertFromAQueryNamesTheTenColumns() {
		assertThat(this.sql.insertFrom("SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10"))
			.isEqualTo("INSERT INTO \"migrate_history\" (revision, direction, message, checksum, started_at, "
					+ "finished_at, execution_ms, success, error, instance) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10");
	}

	@Test
	void literalInsertUsesNowAndQuotesValues() {
		assertThat(this.sql.insert("ae1027a6acf", HistoryTableSql.UPGRADE, "add user's column", "abc123", null))
			.isEqualTo("INSERT INTO \"migrate_history\" (revision, direction, message, checksum, started_at, "
					+ "finished_at, execution_ms, success, error, instance) VALUES ('ae1027a6acf', 'upgrade', "
					+ "'add user''s column', 'abc123', now(), now(), 0, true, NULL, NULL);");
		assertThat(this.sql.insert(null, HistoryTableSql.STAMP, null, null, "host-1"))
			.endsWith("VALUES (NULL, 'stamp', NULL, NULL, now(), now(), 0, true, NULL, 'host-1');");
	}

	@Test
	void selectAllIsOrderedById() {
		assertThat(new HistoryTableSql(TableNames.of("ops", "v", "audit")).selectAll())
			.isEqualTo("SELECT id, revision, direction, message, checksum, started_at, finished_at, execution_ms, "
					+ "success, error, database_user, instance FROM \"ops\".\"audit\" ORDER BY id");
	}

}
