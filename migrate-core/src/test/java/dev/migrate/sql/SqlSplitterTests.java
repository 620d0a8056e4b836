package dev.migrate.sql;

import java.util.List;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.SqlSplitter.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link SqlSplitter} on hand-written, real-world SQL.
 */
class SqlSplitterTests {

	private static final String SOURCE = "classpath:db/revisions/ab12_x.sql";

	@Test
	void splitsStatementsAndKeepsTheirLines() {
		String sql = """
				CREATE TABLE account (id bigserial PRIMARY KEY, name varchar(50) NOT NULL);
				CREATE INDEX account_name ON account (name);

				INSERT INTO account (name) VALUES ('a');
				""";
		assertThat(split(sql, 12)).containsExactly(
				statement(12, "CREATE TABLE account (id bigserial PRIMARY KEY, name varchar(50) NOT NULL)"),
				statement(13, "CREATE INDEX account_name ON account (name)"),
				statement(15, "INSERT INTO account (name) VALUES ('a')"));
	}

	@Test
	void lastStatementNeedsNoSemicolon() {
		assertThat(split("SELECT 1;\nSELECT 2\n  -- trailing comment\n\n", 1))
			.containsExactly(statement(1, "SELECT 1"), statement(2, "SELECT 2"));
	}

	@Test
	void commentsAndWhitespaceAloneGiveNoStatements() {
		assertThat(split("", 1)).isEmpty();
		assertThat(split("  \n\t\r\n  ", 1)).isEmpty();
		assertThat(split("-- nothing to do here\n/* merge revision /* nested */ */\n", 1)).isEmpty();
	}

	@Test
	void dropsEmptyStatements() {
		assertThat(split(";;\n ; SELECT 1;; ;\n;", 1)).containsExactly(statement(2, "SELECT 1"));
	}

	@Test
	void statementStartsAtItsFirstSignificantCharacterAndKeepsInnerComments() {
		String sql = """
				-- create the table
				/* a block
				   comment */   CREATE TABLE t ( -- the key
				    id int /* ; */
				) -- done
				;
				""";
		assertThat(split(sql, 1)).containsExactly(
				statement(3, "CREATE TABLE t ( -- the key\n    id int /* ; */\n) -- done\n"));
	}

	@Test
	void semicolonsInsideStringLiteralsDoNotSplit() {
		String sql = """
				INSERT INTO t VALUES ('a'';b', 'it''s; fine', '');
				SELECT 'line one;
				line two';
				""";
		assertThat(split(sql, 1)).containsExactly(statement(1, "INSERT INTO t VALUES ('a'';b', 'it''s; fine', '')"),
				statement(2, "SELECT 'line one;\nline two'"));
	}

	@Test
	void backslashIsAnOrdinaryCharacterInStandardStrings() {
		assertThat(split("SELECT 'C:\\';SELECT 'x\\' || ';';", 1)).containsExactly(statement(1, "SELECT 'C:\\'"),
				statement(1, "SELECT 'x\\' || ';'"));
	}

	@Test
	void backslashEscapesInEscapeStrings() {
		String sql = """
				SELECT E'it\\'s; here';
				SELECT e'\\\\';
				SELECT E'a''b;\\n';
				SELECT ne'x;'; SELECT 'e'';x';
				""";
		assertThat(split(sql, 1)).containsExactly(statement(1, "SELECT E'it\\'s; here'"),
				statement(2, "SELECT e'\\\\'"), statement(3, "SELECT E'a''b;\\n'"), statement(4, "SELECT ne'x;'"),
				statement(4, "SELECT 'e'';x'"));
	}

	@Test
	void prefixedStringsAndUnicodeEscapes() {
		String sql = """
				SELECT U&'d\\0061t\\+000061;', U&"a;b" UESCAPE '!', B'1010', X'1F', N'na;tional';
				SELECT 2
				""";
		assertThat(split(sql, 1)).containsExactly(
				statement(1, "SELECT U&'d\\0061t\\+000061;', U&\"a;b\" UESCAPE '!', B'1010', X'1F', N'na;tional'"),
				statement(2, "SELECT 2"));
	}

	@Test
	void semicolonsInsideQuotedIdentifiersDoNotSplit() {
		String sql = """
				CREATE TABLE "weird;name" ("a""b;" int, "it's" text);
				DROP TABLE "weird;name";
				""";
		assertThat(split(sql, 1)).containsExactly(
				statement(1, "CREATE TABLE \"weird;name\" (\"a\"\"b;\" int, \"it's\" text)"),
				statement(2, "DROP TABLE \"weird;name\""));
	}

	@Test
	void lineCommentsHideQuotesDollarsAndSemicolons() {
		String sql = """
				SELECT 1 -- it's; $$ not a body "
				, 2;
				-- don't ; /* not a comment start
				SELECT 3;
				""";
		assertThat(split(sql, 1)).containsExactly(statement(1, "SELECT 1 -- it's; $$ not a body \"\n, 2"),
				statement(4, "SELECT 3"));
	}

	@Test
	void blockCommentsNest() {
		String sql = """
				/* outer; /* inner; 'quote "ident $$ */ still in the outer; */
				SELECT /* a ** / * / ; */ 1; /**/SELECT 2;
				SELECT 3 /* /* /* */ */ ; */;
				""";
		assertThat(split(sql, 1)).containsExactly(statement(2, "SELECT /* a ** / * / ; */ 1"),
				statement(2, "SELECT 2"), statement(3, "SELECT 3 /* /* /* */ */ ; */"));
	}

	@Test
	void plpgsqlFunctionWithDollarQuotes() {
		String sql = """
				CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
				LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.updated_at := now(); -- keep it fresh
				    RAISE NOTICE 'touched %; ok', NEW.id;
				    RETURN NEW;
				END;
				$$;

				CREATE TRIGGER account_touch BEFORE UPDATE ON account
				    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
				""";
		List<SqlStatement> statements = split(sql, 7);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(7, 16);
		assertThat(statements.get(0).sql()).startsWith("CREATE OR REPLACE FUNCTION").endsWith("END;\n$$");
		assertThat(statements.get(1).sql())
			.isEqualTo("CREATE TRIGGER account_touch BEFORE UPDATE ON account\n    FOR EACH ROW EXECUTE FUNCTION touch_updated_at()");
	}

	@Test
	void taggedAndNestedDollarQuotes() {
		String sql = """
				CREATE FUNCTION f(x int) RETURNS text AS $body$
				DECLARE s text := $q$it's; "quoted" $$ inside$q$;
				BEGIN
				  EXECUTE $outer$ DO $inner$ BEGIN PERFORM 1; END $inner$; $outer$;
				  RETURN s || $$;$$;
				END
				$body$ LANGUAGE plpgsql;
				SELECT $a$ $b$ ; $b $a $A$ ; $a$;
				SELECT $_x1$;$_x1$, $é$;$é$;
				""";
		List<SqlStatement> statements = split(sql, 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 8, 9);
		assertThat(statements.get(0).sql()).endsWith("$body$ LANGUAGE plpgsql");
		assertThat(statements.get(1).sql()).isEqualTo("SELECT $a$ $b$ ; $b $a $A$ ; $a$");
		assertThat(statements.get(2).sql()).isEqualTo("SELECT $_x1$;$_x1$, $é$;$é$");
	}

	@Test
	void doBlocks() {
		String sql = """
				DO $$
				BEGIN
				  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN
				    CREATE ROLE reader;
				  END IF;
				END
				$$;
				DO LANGUAGE plpgsql $do$ BEGIN RAISE NOTICE '$$;'; END $do$;
				""";
		List<SqlStatement> statements = split(sql, 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 8);
		assertThat(statements.get(1).sql()).isEqualTo("DO LANGUAGE plpgsql $do$ BEGIN RAISE NOTICE '$$;'; END $do$");
	}

	@Test
	void parametersAndIdentifiersWithDollarsAreNotDollarQuotes() {
		String sql = """
				PREPARE find(int) AS SELECT * FROM t WHERE id = $1;
				CREATE TABLE a$b (c$$ int, d$1$ int);
				SELECT $1$x$;$x$;
				SELECT price$ FROM t; SELECT 1$a$;$a$;
				""";
		assertThat(split(sql, 1)).containsExactly(statement(1, "PREPARE find(int) AS SELECT * FROM t WHERE id = $1"),
				statement(2, "CREATE TABLE a$b (c$$ int, d$1$ int)"), statement(3, "SELECT $1$x$;$x$"),
				statement(4, "SELECT price$ FROM t"), statement(4, "SELECT 1$a$;$a$"));
	}

	@Test
	void dollarWithoutATagIsAnOrdinaryCharacter() {
		assertThat(split("SELECT $ ; SELECT $a ; SELECT $1a;", 1)).containsExactly(statement(1, "SELECT $ "),
				statement(1, "SELECT $a "), statement(1, "SELECT $1a"));
	}

	@Test
	void ruleWithSeveralActionsInParenthesesIsOneStatement() {
		String sql = """
				CREATE RULE log_insert AS ON INSERT TO account DO ALSO (
				    INSERT INTO audit VALUES ('insert', NEW.id);
				    NOTIFY account_changed;
				);
				SELECT 1;
				""";
		assertThat(split(sql, 1)).extracting(SqlStatement::line).containsExactly(1, 5);
	}

	@Test
	void pgvectorDdl() {
		String sql = """
				CREATE EXTENSION IF NOT EXISTS vector;
				CREATE TABLE document (id bigserial PRIMARY KEY, body text, embedding vector(384));
				CREATE INDEX document_embedding ON document USING hnsw (embedding vector_cosine_ops)
				    WITH (m = 16, ef_construction = 64);
				SELECT id FROM document ORDER BY embedding <=> '[1,2,3]' LIMIT 5;
				""";
		assertThat(split(sql, 1)).containsExactly(statement(1, "CREATE EXTENSION IF NOT EXISTS vector"),
				statement(2, "CREATE TABLE document (id bigserial PRIMARY KEY, body text, embedding vector(384))"),
				statement(3,
						"CREATE INDEX document_embedding ON document USING hnsw (embedding vector_cosine_ops)\n    WITH (m = 16, ef_construction = 64)"),
				statement(5, "SELECT id FROM document ORDER BY embedding <=> '[1,2,3]' LIMIT 5"));
	}

	@Test
	void beginAtomicBodiesAreOneStatementAsInPsql() {
		String sql = """
				CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;
				END;
				CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END;
				create procedure q() language sql begin atomic insert into t values (1); end;
				BEGIN;
				SELECT 1;
				END;
				""";
		assertThat(split(sql, 1)).containsExactly(
				statement(1,
						"CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;\nEND"),
				statement(5, "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END"),
				statement(6, "create procedure q() language sql begin atomic insert into t values (1); end"),
				statement(7, "BEGIN"), statement(8, "SELECT 1"), statement(9, "END"));
	}

	@Test
	void escapeHatchMakesOneStatement() {
		String sql = """
				SELECT 1;
				-- statement-begin
				-- what follows is one statement
				CREATE FUNCTION odd() RETURNS int LANGUAGE sql
				RETURN 1; SELECT 2;
				-- STATEMENT-END
				SELECT 3;
				  --   Statement-Begin\t
				SELECT 4; SELECT 5
				  -- statement-end
				""";
		assertThat(split(sql, 1)).containsExactly(statement(1, "SELECT 1"),
				statement(4, "CREATE FUNCTION odd() RETURNS int LANGUAGE sql\nRETURN 1; SELECT 2"),
				statement(7, "SELECT 3"), statement(9, "SELECT 4; SELECT 5"));
	}

	@Test
	void escapeHatchTakesTextTheScannerCannotRead() {
		String sql = "-- statement-begin\n  SELECT 'unclosed ; here;  \n-- statement-end\nSELECT 2";
		assertThat(split(sql, 1)).containsExactly(statement(2, "SELECT 'unclosed ; here"), statement(4, "SELECT 2"));
	}

	@Test
	void escapeHatchWithNothingInsideGivesNoStatement() {
		assertThat(split("-- statement-begin\n-- nothing\n;\n-- statement-end\n", 1)).isEmpty();
	}

	@Test
	void markerTextThatIsNotAloneOnItsLineIsAComment() {
		String sql = """
				SELECT 1; -- statement-begin
				SELECT 2; -- statement-end
				-- statement-begin and more
				SELECT '
				-- statement-begin
				';
				""";
		assertThat(split(sql, 1)).extracting(SqlStatement::line).containsExactly(1, 2, 4);
	}

	@Test
	void countsLinesAcrossLineFeedCarriageReturnAndBoth() {
		String sql = "SELECT 1;\r\nSELECT 'a\r\nb';\r\n\r\nSELECT 3;\rSELECT 4;\n\rSELECT 5";
		assertThat(split(sql, 3)).extracting(SqlStatement::line).containsExactly(3, 4, 7, 8, 10);
	}

	@Test
	void segmentsJoinToTheInput() {
		String sql = "\n-- head\nSELECT 1;;\n-- statement-begin\nSELECT 2; SELECT 3;\n-- statement-end\n SELECT 4 -- tail\n";
		List<Segment> segments = SqlSplitter.segments(sql, SOURCE, 1);
		assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo(sql);
		assertThat(segments.stream().filter(Segment::statement).map(Segment::text))
			.containsExactly("SELECT 1", "SELECT 2; SELECT 3", "SELECT 4");
	}

	@Test
	void unterminatedStringLiteral() {
		assertSyntaxError("SELECT 1;\nSELECT 'abc;\nSELECT 3;", 10,
				"classpath:db/revisions/ab12_x.sql line 11: string literal 'abc;... is never closed");
	}

	@Test
	void unterminatedEscapeString() {
		assertSyntaxError("SELECT 1;\n\nSELECT E'it\\';", 1, "line 3: escape string literal E'it\\'; is never closed");
	}

	@Test
	void unterminatedQuotedIdentifier() {
		assertSyntaxError("SELECT \"a\"\"b;\n\n", 1, "line 1: quoted identifier \"a\"\"b;... is never closed");
	}

	@Test
	void unterminatedBlockComment() {
		assertSyntaxError("SELECT 1;\n/* outer /* inner */\nSELECT 2;", 1, "line 2: block comment /* outer /* inner */... is never closed");
	}

	@Test
	void unterminatedDollarBody() {
		String sql = "\n".repeat(13) + "CREATE FUNCTION f() RETURNS int AS $fn$\nBEGIN RETURN 1; END\n$FN$ LANGUAGE plpgsql;";
		MigrateException ex = assertSyntaxError(sql, 1,
				"classpath:db/revisions/ab12_x.sql line 14: dollar-quoted body $fn$ is never closed");
		assertThat(ex.action()).contains("$fn$").contains("-- statement-begin").contains("-- statement-end");
	}

	@Test
	void unclosedParenthesis() {
		assertSyntaxError("SELECT 1;\nCREATE TABLE t (\n  id int;\nSELECT 2;", 1, "line 2: parenthesis ( is never closed");
	}

	@Test
	void functionBodyWithoutEnd() {
		assertSyntaxError("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\nSELECT 1;\n", 1,
				"line 2: BEGIN of the function body that starts here is never closed by END (statement on line 1)");
	}

	@Test
	void escapeHatchNeverClosed() {
		assertSyntaxError("SELECT 1;\n-- statement-begin\nSELECT 2;\n", 1,
				"line 2: -- statement-begin has no -- statement-end after it");
	}

	@Test
	void escapeHatchEndWithoutBegin() {
		assertSyntaxError("SELECT 1;\n-- statement-end\n", 1, "line 2: -- statement-end has no -- statement-begin before it");
	}

	@Test
	void escapeHatchInsideAnUnfinishedStatement() {
		assertSyntaxError("SELECT 1\n-- statement-begin\nSELECT 2;\n-- statement-end\n", 1,
				"line 2: -- statement-begin is inside the statement that starts on line 1, which is not ended by ;");
	}

	@Test
	void escapeHatchOpenedTwice() {
		assertSyntaxError("-- statement-begin\nSELECT 1;\n-- statement-begin\nSELECT 2;\n-- statement-end\n", 1,
				"line 3: -- statement-begin inside the -- statement-begin block opened on line 1");
	}

	private static MigrateException assertSyntaxError(String sql, int firstLine, String message) {
		MigrateException ex = catchThrowableOfType(MigrateException.class, () -> split(sql, firstLine));
		assertThat(ex).isNotNull();
		assertThat(ex.code()).isEqualTo(ErrorCode.SQL_SYNTAX);
		assertThat(ex.description()).startsWith(SOURCE + " line ").contains(message);
		assertThat(ex.action()).isNotBlank();
		return ex;
	}

	private static List<SqlStatement> split(String sql, int firstLine) {
		List<SqlStatement> statements = SqlSplitter.split(sql, SOURCE, firstLine);
		List<Segment> segments = SqlSplitter.segments(sql, SOURCE, firstLine);
		assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo(sql);
		assertThat(segments.stream().filter(Segment::statement).map(Segment::text))
			.containsExactlyElementsOf(statements.stream().map(SqlStatement::sql).toList());
		return statements;
	}

	private static SqlStatement statement(int line, String sql) {
		return new SqlStatement(sql, line);
	}

}
