package dev.migrate.revision;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionFileParser}, through {@link RevisionLoader#parse}.
 */
class RevisionFileParserTests {

	private static final String FILE = "1975ea83b712_create_account.sql";

	private static final String SOURCE = "classpath:db/revisions/" + FILE;

	private static final String ACCOUNT = """
			-- revision: 1975ea83b712
			-- down_revision:
			-- message: create account table
			-- create_date: 2026-11-21 10:00:00

			-- upgrade
			CREATE TABLE account (
			    id bigserial PRIMARY KEY,
			    name varchar(50) NOT NULL
			);
			INSERT INTO account (name) VALUES ('a;b');

			-- downgrade
			DROP TABLE account;
			""";

	@Test
	void parsesHeaderAndSections() {
		Revision revision = parse(ACCOUNT);
		assertThat(revision.id()).isEqualTo("1975ea83b712");
		assertThat(revision.downRevisions()).isEmpty();
		assertThat(revision.isBase()).isTrue();
		assertThat(revision.message()).isEqualTo("create account table");
		assertThat(revision.createDate()).isEqualTo("2026-11-21 10:00:00");
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.source()).isEqualTo(SOURCE);
		assertThat(revision.checksum()).isNotBlank();
		assertThat(statements(revision.upgrade())).extracting(SqlStatement::line).containsExactly(7, 11);
		assertThat(statements(revision.upgrade()).get(1).sql()).isEqualTo("INSERT INTO account (name) VALUES ('a;b')");
		assertThat(statements(revision.downgrade())).containsExactly(new SqlStatement("DROP TABLE account", 14));
	}

	@Test
	void readsCrlfAndByteOrderMarkLikeLf() {
		Revision lf = parse(ACCOUNT);
		Revision crlf = parse("\uFEFF" + ACCOUNT.replace("\n", "\r\n"));
		assertThat(crlf.id()).isEqualTo(lf.id());
		assertThat(crlf.message()).isEqualTo(lf.message());
		assertThat(crlf.createDate()).isEqualTo(lf.createDate());
		assertThat(crlf.upgrade()).isEqualTo(lf.upgrade());
		assertThat(crlf.downgrade()).isEqualTo(lf.downgrade());
		assertThat(crlf.checksum()).isEqualTo(lf.checksum());
	}

	@Test
	void checksumCoversTheStatementsNotTheHeaderOrComments() {
		String checksum = parse(ACCOUNT).checksum();
		String edited = ACCOUNT.replace("create account table", "create the account table")
			.replace("2026-11-21", "2026-12-01")
			.replace("-- upgrade\n", "-- upgrade\n-- Accounts of the service.\n\n")
			.replace("    id bigserial", "\tid   bigserial");
		assertThat(parse(edited).checksum()).isEqualTo(checksum);
		assertThat(parse(ACCOUNT.replace("varchar(50)", "varchar(60)")).checksum()).isNotEqualTo(checksum);
		assertThat(parse(ACCOUNT.replace("'a;b'", "'a; b'")).checksum()).isNotEqualTo(checksum);
		assertThat(parse(ACCOUNT.replace("DROP TABLE account;", "")).checksum()).isNotEqualTo(checksum);
		assertThat(parse(ACCOUNT.substring(0, ACCOUNT.indexOf("-- downgrade"))).checksum()).isNotEqualTo(checksum);
	}

	@Test
	void optionalKeysMayBeLeftOut() {
		Revision revision = parse("""
				-- revision: 1975ea83b712
				-- down_revision: ae1027a6acf
				-- upgrade
				""");
		assertThat(revision.downRevisions()).containsExactly("ae1027a6acf");
		assertThat(revision.message()).isEmpty();
		assertThat(revision.createDate()).isNull();
		assertThat(revision.transactional()).isTrue();
	}

	@Test
	void mergeRevisionWithEmptyUpgrade() {
		Revision revision = RevisionLoader.parse("53fffde5ad5_merge.sql", "classpath:db/revisions/53fffde5ad5_merge.sql",
				"""
						-- revision: 53fffde5ad5
						-- down_revision: ae1027a6acf,27c6a30d7c24 ,  1975ea83b712
						-- message: merge heads

						-- upgrade

						-- downgrade
						""");
		assertThat(revision.downRevisions()).containsExactly("ae1027a6acf", "27c6a30d7c24", "1975ea83b712");
		assertThat(revision.isMergePoint()).isTrue();
		assertThat(statements(revision.upgrade())).isEmpty();
		assertThat(statements(revision.downgrade())).isEmpty();
	}

	@Test
	void missingDowngradeSectionIsIrreversible() {
		Revision revision = parse(header() + "-- upgrade\nCREATE TABLE t (id int);\n");
		assertThat(revision.downgrade()).isNull();
		assertThat(revision.isReversible()).isFalse();
	}

	@Test
	void emptyDowngradeSectionIsNoOp() {
		Revision revision = parse(header() + "-- upgrade\nCREATE TABLE t (id int);\n-- downgrade\n-- nothing to do\n");
		assertThat(revision.isReversible()).isTrue();
		assertThat(statements(revision.downgrade())).isEmpty();
	}

	@Test
	void markersAreCaseInsensitiveAndMayHaveTrailingBlanks() {
		Revision revision = parse(header() + "--UPGRADE  \nSELECT 1;\n--   Downgrade\t\nSELECT 2;\n");
		assertThat(statements(revision.upgrade())).containsExactly(new SqlStatement("SELECT 1", 4));
		assertThat(statements(revision.downgrade())).containsExactly(new SqlStatement("SELECT 2", 6));
	}

	@Test
	void commentsThatMerelyMentionSectionsAreNotMarkers() {
		Revision revision = parse(header() + "-- upgrade\n-- upgrade notes: none\nSELECT 1;\n-- downgrade is a no-op\n");
		assertThat(revision.downgrade()).isNull();
	}

	@Test
	void allowsBlankLinesBeforeTheHeaderAndCommentsBeforeUpgrade() {
		Revision revision = parse("""

				-- revision: 1975ea83b712
				-- down_revision:

				-- Creates the account table.
				-- Note: the index comes later.

				-- upgrade
				SELECT 1;
				""");
		assertThat(statements(revision.upgrade())).containsExactly(new SqlStatement("SELECT 1", 9));
	}

	@Test
	void keysAndValuesAreTrimmedAndKeysCaseInsensitive() {
		Revision revision = parse("--revision:1975ea83b712  \n--  Down_Revision :\n-- TRANSACTIONAL: FALSE\n-- upgrade\n");
		assertThat(revision.id()).isEqualTo("1975ea83b712");
		assertThat(revision.transactional()).isFalse();
	}

	@Test
	void fileNameMayBeTheIdAlone() {
		Revision revision = RevisionLoader.parse("1975ea83b712.sql", "filesystem:db/1975ea83b712.sql", ACCOUNT);
		assertThat(revision.id()).isEqualTo("1975ea83b712");
	}

	@Test
	void idsMayContainUnderscores() {
		Revision revision = RevisionLoader.parse("v1_0_create_account.sql", "filesystem:db/v1_0_create_account.sql",
				"-- revision: v1_0\n-- down_revision:\n-- upgrade\n");
		assertThat(revision.id()).isEqualTo("v1_0");
	}

	@Test
	void idsMayBe32CharactersLong() {
		String id = "a".repeat(32);
		Revision revision = RevisionLoader.parse(id + ".sql", "x",
				"-- revision: " + id + "\n-- down_revision:\n-- upgrade\n");
		assertThat(revision.id()).isEqualTo(id);
	}

	@Test
	void transactionalRevisionWithNonTransactionalStatementFails() {
		String text = header() + "-- upgrade\nCREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n";
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> parse(text)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.NON_TRANSACTIONAL_STATEMENT);
			assertThat(ex.description())
				.isEqualTo(SOURCE + " line 5: CREATE INDEX CONCURRENTLY cannot run inside a transaction");
			assertThat(ex.action()).startsWith("Add '-- transactional: false' to the header of " + FILE);
		});
	}

	@Test
	void nonTransactionalStatementInDowngradeSectionFails() {
		String text = header() + "-- upgrade\nSELECT 1;\n-- downgrade\nDROP INDEX CONCURRENTLY IF EXISTS t_id;\n";
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> parse(text)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.NON_TRANSACTIONAL_STATEMENT);
			assertThat(ex.description())
				.isEqualTo(SOURCE + " line 6: DROP INDEX CONCURRENTLY cannot run inside a transaction");
		});
	}

	@Test
	void nonTransactionalRevisionMayHoldNonTransactionalStatements() {
		Revision revision = parse("""
				-- revision: 1975ea83b712
				-- down_revision:
				-- transactional: false

				-- upgrade
				DROP INDEX CONCURRENTLY IF EXISTS account_name;
				CREATE INDEX CONCURRENTLY account_name ON account (name);

				-- downgrade
				DROP INDEX CONCURRENTLY IF EXISTS account_name;
				""");
		assertThat(revision.transactional()).isFalse();
		assertThat(statements(revision.upgrade())).hasSize(2);
	}

	@Test
	void unsplittableSqlFailsWithSqlSyntax() {
		String text = header() + "-- upgrade\nSELECT 'never closed;\n";
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> parse(text))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SQL_SYNTAX))
			.withMessageContaining(SOURCE);
	}

	// Format errors

	@Test
	void emptyFile() {
		assertFormatError("", 1, "expected the header at the top of the file, but the file is empty");
		assertFormatError("\n  \n", 1, "expected the header at the top of the file, but the file is empty");
	}

	@Test
	void statementBeforeHeader() {
		assertFormatError("CREATE TABLE t (id int);\n" + header() + "-- upgrade\n", 1,
				"expected the header ('-- revision: <id>', '-- down_revision: <parent ids>') at the top of the file, "
						+ "found 'CREATE TABLE t (id int);'");
	}

	@Test
	void commentBeforeHeader() {
		assertFormatError("\n\n-- Copyright 2026 ACME\n" + header() + "-- upgrade\n", 3,
				"expected the header ('-- revision: <id>', '-- down_revision: <parent ids>') at the top of the file, "
						+ "found '-- Copyright 2026 ACME'");
	}

	@Test
	void missingRevisionKey() {
		MigrateException ex = assertFormatError("-- message: hello\n-- down_revision:\n-- upgrade\n", 1,
				"the header has no 'revision' key");
		assertThat(ex.action()).isEqualTo("Add '-- revision: 1975ea83b712' as the header's first line");
	}

	@Test
	void missingDownRevisionKey() {
		MigrateException ex = assertFormatError("-- revision: 1975ea83b712\n-- message: hello\n-- upgrade\n", 1,
				"the header has no 'down_revision' key");
		assertThat(ex.action()).contains("'-- down_revision:' with nothing after the colon");
	}

	@Test
	void unknownKeyThatLooksLikeATypo() {
		MigrateException ex = assertFormatError("-- revision: 1975ea83b712\n-- down_revison:\n-- upgrade\n", 2,
				"unknown header key 'down_revison'; did you mean 'down_revision'?");
		assertThat(ex.action()).isEqualTo("Rename the key to 'down_revision'");
	}

	@ParameterizedTest
	@CsvSource({ "transactionl, transactional", "Revison, revision", "down-revision, down_revision",
			"revision_id, revision", "createdate, create_date", "msg, " })
	void unknownKeysSuggestTheClosestKnownKey(String key, String suggestion) {
		assertThat(RevisionFileParser.closestKey(key.toLowerCase())).isEqualTo(suggestion);
	}

	@Test
	void unknownKey() {
		MigrateException ex = assertFormatError(header() + "-- author: bob\n-- upgrade\n", 3,
				"unknown header key 'author'");
		assertThat(ex.action()).contains("revision, down_revision, message, create_date, transactional");
	}

	@Test
	void duplicateKey() {
		assertFormatError("-- revision: 1975ea83b712\n-- message: a\n-- message: b\n-- down_revision:\n-- upgrade\n", 3,
				"duplicate header key 'message' (first on line 2)");
	}

	@Test
	void duplicateKeyInAnotherCase() {
		assertFormatError(header() + "-- Revision: 1975ea83b712\n-- upgrade\n", 3,
				"duplicate header key 'revision' (first on line 1)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "yes", "1", "" })
	void badTransactionalValue(String value) {
		assertFormatError(header() + "-- transactional: " + value + "\n-- upgrade\n", 3,
				"transactional must be 'true' or 'false', found '" + value + "'");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "ae10-27 | contains '-'", "ae10@27 | contains '@'",
			"ae10+27 | contains '+'",
			"ae10:27 | contains ':'", "ae10,27 | contains ','", "head | is a reserved word of the target syntax",
			"abcdefghijabcdefghijabcdefghijabc | is 33 characters long; at most 32 are allowed" })
	void invalidRevisionId(String id, String problem) {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> RevisionLoader.parse(id + ".sql", "s", "-- revision: " + id + "\n-- down_revision:\n-- upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
				assertThat(ex.description()).isEqualTo("s line 1: revision id '" + id + "' " + problem);
				assertThat(ex.action()).startsWith("Use 1-32 characters without whitespace or any of @ - + : ,");
			});
	}

	@Test
	void revisionIdWithWhitespace() {
		assertFormatError("-- revision: 1975 ea83b712\n-- down_revision:\n-- upgrade\n", 1,
				"revision id '1975 ea83b712' contains whitespace");
	}

	@Test
	void emptyRevisionId() {
		assertFormatError("-- revision:\n-- down_revision:\n-- upgrade\n", 1, "revision id '' is empty");
	}

	@Test
	void invalidDownRevisionId() {
		assertFormatError("-- revision: 1975ea83b712\n-- down_revision: ae10-27\n-- upgrade\n", 2,
				"down revision id 'ae10-27' contains '-'");
	}

	@Test
	void downRevisionsSeparatedBySpacesOnly() {
		MigrateException ex = assertFormatError(
				"-- revision: 1975ea83b712\n-- down_revision: ae1027a6acf 27c6a30d7c24\n-- upgrade\n",
				2, "down revision id 'ae1027a6acf 27c6a30d7c24' contains whitespace");
		assertThat(ex.action()).endsWith("separate the ids of several down revisions with commas");
	}

	@Test
	void downRevisionWithEmptyEntry() {
		assertFormatError("-- revision: 1975ea83b712\n-- down_revision: ae1027a6acf,,27c6a30d7c24\n-- upgrade\n", 2,
				"down_revision 'ae1027a6acf,,27c6a30d7c24' has an empty entry");
		assertFormatError("-- revision: 1975ea83b712\n-- down_revision: ae1027a6acf,\n-- upgrade\n", 2,
				"down_revision 'ae1027a6acf,' has an empty entry");
	}

	@Test
	void downRevisionListedTwice() {
		assertFormatError("-- revision: 1975ea83b712\n-- down_revision: ae1027a6acf, ae1027a6acf\n-- upgrade\n", 2,
				"down_revision lists 'ae1027a6acf' twice");
	}

	@Test
	void revisionThatFollowsItself() {
		assertFormatError("-- revision: 1975ea83b712\n-- down_revision: 1975ea83b712\n-- upgrade\n", 2,
				"revision '1975ea83b712' lists itself as its down revision");
	}

	@Test
	void idInFileNameDiffersFromHeader() {
		MigrateException ex = assertFormatError("-- down_revision:\n-- revision: ae1027a6acf\n-- upgrade\n", 2,
				"the header says revision 'ae1027a6acf' but the file name '" + FILE + "' starts with '1975ea83b712'");
		assertThat(ex.action())
			.startsWith("Rename the file to ae1027a6acf_create_account.sql or correct the 'revision' header");
	}

	@Test
	void headerIdThatIsOnlyAPrefixOfTheFileNameId() {
		assertFormatError("-- revision: 1975\n-- down_revision:\n-- upgrade\n", 1,
				"the header says revision '1975' but the file name '" + FILE + "' starts with '1975ea83b712'");
	}

	@Test
	void missingUpgradeMarkerAtEndOfFile() {
		assertFormatError(header(), 3, "expected a '-- upgrade' line after the header, but the file has none");
		assertFormatError(header() + "\n-- just a comment\n", 3,
				"expected a '-- upgrade' line after the header, but the file has none");
	}

	@Test
	void missingUpgradeMarkerBeforeStatements() {
		assertFormatError(header() + "\nCREATE TABLE t (id int);\n-- downgrade\nDROP TABLE t;\n", 4,
				"expected '-- upgrade' before the first statement, found 'CREATE TABLE t (id int);'");
	}

	@Test
	void upgradeMarkerTwice() {
		assertFormatError(header() + "-- upgrade\nSELECT 1;\n-- upgrade\nSELECT 2;\n", 5,
				"found a second '-- upgrade' line (the first is on line 3)");
		assertFormatError(header() + "-- upgrade\n-- downgrade\n-- upgrade\n", 5,
				"found a second '-- upgrade' line (the first is on line 3)");
	}

	@Test
	void downgradeMarkerTwice() {
		assertFormatError(header() + "-- upgrade\n-- downgrade\nSELECT 1;\n-- downgrade\n", 6,
				"found a second '-- downgrade' line (the first is on line 4)");
	}

	@Test
	void downgradeBeforeUpgrade() {
		assertFormatError(header() + "\n-- downgrade\nDROP TABLE t;\n-- upgrade\nCREATE TABLE t (id int);\n", 4,
				"found '-- downgrade' before '-- upgrade'");
	}

	@Test
	void markerWithColon() {
		assertFormatError(header() + "-- upgrade:\nSELECT 1;\n", 3,
				"expected the section marker '-- upgrade' alone on its line, found '-- upgrade:'");
		assertFormatError(header() + "\n-- downgrade:\n", 4,
				"expected the section marker '-- downgrade' alone on its line, found '-- downgrade:'");
	}

	@Test
	void headerKeyAfterTheHeaderEnded() {
		MigrateException ex = assertFormatError("-- revision: 1975ea83b712\n\n-- down_revision:\n-- upgrade\n", 3,
				"header key 'down_revision' is outside the header, which ended on line 1");
		assertThat(ex.action()).startsWith("Move the line up into the header block");
	}

	@Test
	void invalidUtf8IsReportedByTheLoaderNotTheParser() {
		// The parser receives text; decoding is the loader's job (see RevisionLoaderTests).
		Revision revision = parse(header() + "-- upgrade\nSELECT '\uFFFD';\n");
		assertThat(statements(revision.upgrade())).hasSize(1);
	}

	private static String header() {
		return "-- revision: 1975ea83b712\n-- down_revision: ae1027a6acf\n";
	}

	private static Revision parse(String text) {
		return RevisionLoader.parse(FILE, SOURCE, text);
	}

	private static MigrateException assertFormatError(String text, int line, String description) {
		MigrateException ex = null;
		try {
			parse(text);
		}
		catch (MigrateException thrown) {
			ex = thrown;
		}
		assertThat(ex).as("parsing should fail with: %s", description).isNotNull();
		assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
		assertThat(ex.description()).isEqualTo(SOURCE + " line " + line + ": " + description);
		assertThat(ex.action()).isNotBlank();
		return ex;
	}

	private static List<SqlStatement> statements(RevisionScript script) {
		assertThat(script).isInstanceOf(RevisionScript.Sql.class);
		return ((RevisionScript.Sql) script).statements();
	}

}
