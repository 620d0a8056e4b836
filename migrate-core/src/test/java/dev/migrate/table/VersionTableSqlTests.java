package dev.migrate.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTableSqlTests {

	private final VersionTableSql sql = new VersionTableSql(TableNames.of(null, "migrate_version", "migrate_history"));

	private final VersionTableSql qualified = new VersionTableSql(TableNames.of("ops", "alembic_version", "h"));

	@Test
	void createUsesAlembicsLayout() {
		assertThat(this.sql.createIfNotExists()).isEqualTo("""
				CREATE TABLE IF NOT EXISTS "migrate_version" (
				    version_num varchar(32) NOT NULL,
				    CONSTRAINT "migrate_version_pkc" PRIMARY KEY (version_num)
				)""");
		assertThat(this.qualified.createIfNotExists()).startsWith("CREATE TABLE IF NOT EXISTS \"ops\".\"alembic_version\" (")
			.contains("CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY (version_num)");
	}

	@Test
	void constraintNameFitsInSixtyThreeBytes() {
		VersionTableSql longName = new VersionTableSql(TableNames.of(null, "v".repeat(63), "h"));
		assertThat(longName.constraintName()).isEqualTo("v".repeat(59) + "_pkc");
		VersionTableSql multiByte = new VersionTableSql(TableNames.of(null, "é".repeat(31), "h"));
		assertThat(multiByte.constraintName()).isEqualTo("é".repeat(29) + "_pkc");
	}

	@Test
	void createSchemaOnlyWhenASchemaIsSet() {
		assertThat(this.sql.createSchemaIfNotExists()).isEmpty();
		assertThat(this.qualified.createSchemaIfNotExists()).contains("CREATE SCHEMA IF NOT EXISTS \"ops\"");
	}

	@Test
	void preparedStatements() {
		assertThat(this.sql.selectHeads()).isEqualTo("SELECT version_num FROM \"migrate_version\" ORDER BY version_num");
		assertThat(this.sql.insert()).isEqualTo("INSERT INTO \"migrate_version\" (version_num) VALUES (?)");
		assertThat(this.sql.delete()).isEqualTo("DELETE FROM \"migrate_version\" WHERE version_num = ?");
		assertThat(this.sql.update()).isEqualTo("UPDATE \"migrate_version\" SET version_num = ? WHERE version_num = ?");
		assertThat(this.qualified.insert()).isEqualTo("INSERT INTO \"ops\".\"alembic_version\" (version_num) VALUES (?)");
	}

	@Test
	void literalStatementsLookLikeAlembicsOfflineOutput() {
		assertThat(this.sql.insert("1975ea83b712"))
			.isEqualTo("INSERT INTO \"migrate_version\" (version_num) VALUES ('1975ea83b712');");
		assertThat(this.sql.update("1975ea83b712", "ae1027a6acf")).isEqualTo(
				"UPDATE \"migrate_version\" SET version_num='ae1027a6acf' WHERE \"migrate_version\".version_num = '1975ea83b712';");
		assertThat(this.sql.delete("ae1027a6acf"))
			.isEqualTo("DELETE FROM \"migrate_version\" WHERE \"migrate_version\".version_num = 'ae1027a6acf';");
		assertThat(this.qualified.update("a", "b")).isEqualTo(
				"UPDATE \"ops\".\"alembic_version\" SET version_num='b' WHERE \"ops\".\"alembic_version\".version_num = 'a';");
	}

	@Test
	void literalsAreQuoted() {
		assertThat(this.sql.insert("it's")).endsWith("VALUES ('it''s');");
	}

}
