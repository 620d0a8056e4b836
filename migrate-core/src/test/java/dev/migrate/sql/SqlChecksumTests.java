package dev.migrate.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlChecksum}.
 */
class SqlChecksumTests {

	private static final String UPGRADE = """
			-- the accounts
			CREATE TABLE account (
			    id bigserial PRIMARY KEY,
			    name varchar(50) NOT NULL DEFAULT 'nobody; really', -- who
			    "Display Name" text
			);
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			    NEW.name := upper(NEW.name);  -- shout
			    RETURN NEW;
			END
			$$;
			INSERT INTO account (name) VALUES (E'it\\'s'), ('line one
			line two');
			SELECT count(*) FROM account WHERE name <> 'x';
			""";

	private static final String DOWNGRADE = "DROP FUNCTION touch();\nDROP TABLE account;\n";

	private static final String CHECKSUM = checksum(UPGRADE, DOWNGRADE);

	@Test
	void isLowerCaseHexSha256() {
		assertThat(CHECKSUM).hasSize(64).matches("[0-9a-f]{64}");
		assertThat(checksum(UPGRADE, DOWNGRADE)).isEqualTo(CHECKSUM);
	}

	@Test
	void ignoresReindentationAndLineBreaksBetweenTokens() {
		String reformatted = """
				CREATE TABLE account (id bigserial PRIMARY KEY, name varchar(50) NOT NULL DEFAULT 'nobody; really',
				        "Display Name" text);
				  CREATE FUNCTION touch()
				  RETURNS trigger
				  LANGUAGE plpgsql
				  AS $$
				BEGIN
				    NEW.name := upper(NEW.name);  -- shout
				    RETURN NEW;
				END
				$$;
				INSERT INTO account ( name ) VALUES ( E'it\\'s' ) , ( 'line one
				line two' );
				SELECT count( * )
				FROM account
				WHERE name <> 'x';
				""";
		assertThat(checksum(reformatted, DOWNGRADE)).isEqualTo(CHECKSUM);
		assertThat(checksum(UPGRADE, "\tDROP   FUNCTION touch();\n\n\nDROP TABLE\n  account  ;")).isEqualTo(CHECKSUM);
	}

	@Test
	void ignoresCommentEdits() {
		String recommented = UPGRADE.replace("-- the accounts", "/* accounts, /* nested */ v2 */")
			.replace("-- who", "-- who; owns it")
			.replace("(\n    id", "( -- columns\n    id");
		assertThat(recommented).isNotEqualTo(UPGRADE);
		assertThat(checksum(recommented, DOWNGRADE)).isEqualTo(CHECKSUM);
		assertThat(checksum(UPGRADE, "-- drop it all\n" + DOWNGRADE + "-- done\n")).isEqualTo(CHECKSUM);
	}

	@Test
	void ignoresLineEndingsAndTrailingWhitespace() {
		assertThat(checksum(UPGRADE.replace("\n", "\r\n"), DOWNGRADE.replace("\n", "\r\n"))).isEqualTo(CHECKSUM);
		assertThat(checksum(UPGRADE.replace("\n", "\r"), DOWNGRADE)).isEqualTo(CHECKSUM);
		String trailing = UPGRADE.replace("PRIMARY KEY,\n", "PRIMARY KEY,  \n")
			.replace("text\n);", "text \t\n);")
			.replace("<> 'x';\n", "<> 'x';   \n");
		assertThat(checksum(trailing, DOWNGRADE.replace("\n", "\t\n"))).isEqualTo(CHECKSUM);
	}

	@Test
	void changesWhenALiteralChanges() {
		assertChanged(UPGRADE.replace("'nobody; really'", "'nobody; Really'"));
		assertChanged(UPGRADE.replace("'nobody; really'", "'nobody;  really'"));
		assertChanged(UPGRADE.replace("E'it\\'s'", "E'it''s'"));
		assertChanged(UPGRADE.replace("line one\nline two", "line one\n  line two"));
		assertChanged(UPGRADE.replace("varchar(50)", "varchar(51)"));
	}

	@Test
	void keepsWhitespaceInsideLiteralsAndBodies() {
		assertChanged(UPGRADE.replace("line one\n", "line one \n"));
		assertChanged(UPGRADE.replace("RETURN NEW;\n", "RETURN NEW; \n"));
	}

	@Test
	void changesWhenADollarBodyChanges() {
		assertChanged(UPGRADE.replace("NEW.name := upper(NEW.name);", "NEW.name := lower(NEW.name);"));
		assertChanged(UPGRADE.replace("    RETURN NEW;", "  RETURN NEW;"));
		assertChanged(UPGRADE.replace("-- shout", "-- whisper"));
	}

	@Test
	void changesWhenAnIdentifierChanges() {
		assertChanged(UPGRADE.replace("CREATE TABLE account", "CREATE TABLE accounts"));
		assertChanged(UPGRADE.replace("\"Display Name\"", "\"display name\""));
		assertChanged(UPGRADE.replace("\"Display Name\"", "\"Display  Name\""));
	}

	@Test
	void changesWhenAKeywordChangesCase() {
		assertChanged(UPGRADE.replace("CREATE TABLE", "create table"));
		assertChanged(UPGRADE.replace("NOT NULL", "NULL"));
	}

	@Test
	void changesWhenTokensAreJoinedOrSplit() {
		assertChanged(UPGRADE.replace("<>", "< >"));
		assertChanged(UPGRADE.replace("bigserial PRIMARY", "bigserialPRIMARY"));
	}

	@Test
	void changesWhenStatementsMoveOrMerge() {
		assertThat(checksum(UPGRADE, "DROP TABLE account;\nDROP FUNCTION touch();")).isNotEqualTo(CHECKSUM);
		String upgrade = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
		String swapped = "CREATE TABLE b (id int);\nCREATE TABLE a (id int);\n";
		assertThat(checksum(upgrade, null)).isNotEqualTo(checksum(swapped, null));
		assertThat(SqlChecksum.of(statements("SELECT 1; SELECT 2"), null))
			.isNotEqualTo(SqlChecksum.of(List.of(new SqlStatement("SELECT 1; SELECT 2", 1)), null));
	}

	@Test
	void keepsSectionsApart() {
		String both = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
		assertThat(checksum(both, "")).isNotEqualTo(checksum("CREATE TABLE a (id int);", "CREATE TABLE b (id int);"));
		assertThat(checksum("", both)).isNotEqualTo(checksum(both, ""));
	}

	@Test
	void noDowngradeSectionDiffersFromAnEmptyOne() {
		assertThat(checksum(UPGRADE, null)).isNotEqualTo(checksum(UPGRADE, ""));
		assertThat(checksum(UPGRADE, "")).isEqualTo(checksum(UPGRADE, "-- nothing to undo\n"));
		assertThat(checksum("", null)).isNotEqualTo(checksum("", ""));
	}

	@Test
	void normalizesTokensWithOneSpaceAndNoneNextToPunctuation() {
		StringBuilder out = new StringBuilder();
		SqlChecksum.normalize("SELECT  a ,\r\n b /* c */+ f( 'x\r\ny' ) -- z\n FROM\tt", out);
		assertThat(out).hasToString("SELECT a,b + f('x\ny')FROM t");
	}

	private void assertChanged(String upgrade) {
		assertThat(upgrade).isNotEqualTo(UPGRADE);
		assertThat(checksum(upgrade, DOWNGRADE)).isNotEqualTo(CHECKSUM);
	}

	private static String checksum(String upgrade, String downgrade) {
		return SqlChecksum.of(statements(upgrade), (downgrade != null) ? statements(downgrade) : null);
	}

	private static List<SqlStatement> statements(String sql) {
		return SqlSplitter.split(sql, "test.sql", 1);
	}

}
