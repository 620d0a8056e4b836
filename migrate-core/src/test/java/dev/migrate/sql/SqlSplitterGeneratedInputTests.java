package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.SqlSplitter.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests for {@link SqlSplitter}: scripts are generated from random fragments (with a
 * fixed seed, so every run checks the same cases) and must split into exactly the statements
 * they were built from.
 */
class SqlSplitterGeneratedInputTests {

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

	@Test
	void splitsGeneratedScriptsIntoTheStatementsTheyWereBuiltFrom() {
		Random random = new Random(20261121L);
		for (int i = 0; i < 5000; i++) {
			Script script = new ScriptGenerator(random).script();
			int firstLine = 1 + random.nextInt(40);
			List<SqlStatement> expected = script.statements(firstLine);
			String description = "generated case " + i + ":\n" + script.text();
			List<SqlStatement> statements;
			try {
				statements = SqlSplitter.split(script.text(), "generated.sql", firstLine);
			}
			catch (MigrateException ex) {
				throw new AssertionError(description, ex);
			}
			assertThat(statements).as(description).containsExactlyElementsOf(expected);
			List<Segment> segments = SqlSplitter.segments(script.text(), "generated.sql", firstLine);
			assertThat(String.join("", segments.stream().map(Segment::text).toList())).as(description)
				.isEqualTo(script.text());
			assertThat(segments.stream().filter(Segment::statement).map(Segment::text)).as(description)
				.containsExactlyElementsOf(expected.stream().map(SqlStatement::sql).toList());
		}
	}

	@Test
	void checksumOfGeneratedScriptsIgnoresWhitespaceCommentsAndLineEndings() {
		Random random = new Random(19750101L);
		for (int i = 0; i < 3000; i++) {
			Script script = new ScriptGenerator(random).script();
			String description = "generated case " + i + ":\n" + script.text() + "\nvariant:\n" + script.variant();
			List<SqlStatement> statements = SqlSplitter.split(script.text(), "generated.sql", 1);
			List<SqlStatement> variant = SqlSplitter.split(script.variant(), "variant.sql", 1);
			List<SqlStatement> lineFeeds = SqlSplitter
				.split(script.variant().replace("\r\n", "\n").replace('\r', '\n'), "variant.sql", 1);
			assertThat(variant).as(description).hasSameSizeAs(statements);
			String checksum = SqlChecksum.of(statements, null);
			assertThat(SqlChecksum.of(variant, null)).as(description).isEqualTo(checksum);
			assertThat(SqlChecksum.of(lineFeeds, null)).as(description).isEqualTo(checksum);
			assertThat(SqlChecksum.of(List.of(), statements)).as(description).isNotEqualTo(checksum);
		}
	}

	@Test
	void arbitraryTextEitherSplitsLosslesslyOrFailsWithASyntaxError() {
		Random random = new Random(42L);
		String alphabet = "ab e E U & $ 1 ; ' \" - / * ( ) \\ \n \r x";
		String[] pieces = alphabet.split(" ", -1);
		int failures = 0;
		for (int i = 0; i < 20000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(30);
			for (int j = 0; j < length; j++) {
				String piece = pieces[random.nextInt(pieces.length)];
				text.append(piece.isEmpty() ? " " : piece);
			}
			String sql = text.toString();
			try {
				List<Segment> segments = SqlSplitter.segments(sql, "noise.sql", 1);
				assertThat(String.join("", segments.stream().map(Segment::text).toList())).as(sql).isEqualTo(sql);
				for (Segment segment : segments) {
					if (segment.statement()) {
						assertThat(segment.text()).as(sql).isNotBlank();
						assertThat(Character.isWhitespace(segment.text().charAt(0))).as(sql).isFalse();
					}
				}
			}
			catch (MigrateException ex) {
				assertThat(ex.code()).as(sql).isEqualTo(ErrorCode.SQL_SYNTAX);
				assertThat(ex.description()).as(sql).startsWith("noise.sql line ");
				failures++;
			}
		}
		// Both outcomes must actually be exercised
		assertThat(failures).isBetween(1000, 19000);
	}

	/**
	 * A generated script with where each of its statements is, and a variant of it that differs
	 * only in whitespace and comments between tokens.
	 */
	private record Script(String text, List<int[]> spans, String variant) {

		List<SqlStatement> statements(int firstLine) {
			List<SqlStatement> statements = new ArrayList<>();
			for (int[] span : this.spans) {
				Matcher breaks = LINE_BREAK.matcher(this.text.substring(0, span[0]));
				int line = firstLine;
				while (breaks.find()) {
					line++;
				}
				statements.add(new SqlStatement(this.text.substring(span[0], span[1]), line));
			}
			return statements;
		}

	}

	/** Builds one script from random fragments. */
	private static final class ScriptGenerator {

		private static final String[] KEYWORDS = { "SELECT", "insert", "Update", "CREATE", "alter", "DROP", "WITH",
				"VALUES", "comment", "GRANT", "create function", "CREATE OR REPLACE PROCEDURE", "DO", "end", "case" };

		private static final String[] WORDS = { "a", "t", "name", "e", "E", "U", "b", "x", "n", "price$", "a$b", "c$$",
				"d$1$", "_x", "über", "ON", "FROM", "where", "AND", "atomic", "language", "sql", "returns", "int" };

		private static final String[] OPERATORS = { "+", "-", "*", "/", "=", "<>", "::", ",", ".", "||", "<=>", "&", "%",
				"!", "@", "#", "^", "[", "]", ":" };

		private static final String[] GAPS = { " ", "  ", "\n", "\t", "\r\n", "\n\n    ", "\r", " \f " };

		private static final String[] TEXT = { "a", "Z", " ", ";", "--", "$$", "$a$", "(", ")", "\n", "\r\n", "é", "x;y" };

		private final Random random;

		private final Random variantRandom;

		private final Texts text = new Texts();

		private final List<int[]> spans = new ArrayList<>();

		ScriptGenerator(Random random) {
			this.random = random;
			this.variantRandom = new Random(random.nextLong());
		}

		Script script() {
			insignificant(true);
			int count = this.random.nextInt(7);
			for (int i = 0; i < count; i++) {
				boolean last = i == count - 1;
				if (this.random.nextInt(8) == 0) {
					hatch();
				}
				else if (!last || this.random.nextBoolean()) {
					statement(true);
				}
				else {
					statement(false);
					break;
				}
				insignificant(true);
				while (this.random.nextInt(6) == 0) {
					this.text.append(';');
					insignificant(true);
				}
			}
			return new Script(this.text.main.toString(), this.spans, this.text.variant.toString());
		}

		private void statement(boolean terminated) {
			int start = this.text.length();
			if (this.random.nextInt(10) == 0) {
				group(0);
			}
			else {
				this.text.append(pick(KEYWORDS));
			}
			int fragments = this.random.nextInt(9);
			for (int i = 0; i < fragments; i++) {
				separator();
				fragment(0);
			}
			int coreEnd = this.text.length();
			insignificant(terminated);
			if (terminated) {
				this.spans.add(new int[] { start, this.text.length() });
				this.text.append(';');
			}
			else {
				this.spans.add(new int[] { start, coreEnd });
			}
		}

		/** A {@code -- statement-begin} block holding statements with bare semicolons. */
		private void hatch() {
			this.text.append(pick("\n", "\r\n"))
				.append(pick("", "  ", "\t"))
				.append(pick("-- statement-begin", "--statement-begin", "-- STATEMENT-BEGIN", "--  Statement-Begin"))
				.append(pick("", " ", "\t"))
				.append(pick("\n", "\r\n"));
			if (this.random.nextBoolean()) {
				this.text.append("-- leading comment\n");
			}
			this.text.append(pick("", "  ", "\n"));
			int start = this.text.length();
			this.text.append(pick(KEYWORDS));
			int parts = 1 + this.random.nextInt(3);
			for (int i = 0; i < parts; i++) {
				for (int j = this.random.nextInt(4); j > 0; j--) {
					separator();
					fragment(0);
				}
				if (i < parts - 1) {
					this.text.append(';').append(pick(GAPS)).append(pick(KEYWORDS));
				}
			}
			this.spans.add(new int[] { start, this.text.length() });
			this.text.append(pick(";", "", ";"))
				.append(pick("\n", "\r\n", " \n", "\n\n"))
				.append(pick("", " "))
				.append(pick("-- statement-end", "-- Statement-End", "--statement-end"))
				.append(pick("", " "))
				.append(pick("\n", "\r\n"));
		}

		private void fragment(int depth) {
			switch (this.random.nextInt(depth < 3 ? 12 : 11)) {
				case 0 -> this.text.append(pick(WORDS));
				case 1 -> this.text.append(pick("1", "42", "3.14", "1e5", "0x1F", "1_000"));
				case 2 -> this.text.append('$').append(1 + this.random.nextInt(12));
				case 3 -> string();
				case 4 -> escapeString();
				case 5 -> prefixedString();
				case 6 -> quotedIdentifier();
				case 7 -> dollarBody();
				case 8 -> this.text.append(pick(OPERATORS));
				case 9 -> this.text.append(pick(KEYWORDS));
				case 10 -> this.text.append(pick(WORDS));
				default -> group(depth + 1);
			}
		}

		/** Parentheses, inside which semicolons do not end the statement. */
		private void group(int depth) {
			this.text.append('(');
			int fragments = this.random.nextInt(5);
			for (int i = 0; i < fragments; i++) {
				if (i > 0 || this.random.nextBoolean()) {
					separator();
				}
				if (this.random.nextInt(5) == 0) {
					this.text.append(';');
				}
				else {
					fragment(depth);
				}
			}
			this.text.append(')');
		}

		private void string() {
			this.text.append('\'');
			content(new String[] { "''", "\\", "\"", "/*", "*/", "E" }, true);
			this.text.append('\'');
		}

		private void escapeString() {
			this.text.append(pick("E'", "e'"));
			content(new String[] { "''", "\\'", "\\\\", "\\n", "\\x41", "\"", "/*", "*/" }, true);
			this.text.append('\'');
		}

		private void prefixedString() {
			switch (this.random.nextInt(4)) {
				case 0 -> this.text.append("B'0101'");
				case 1 -> this.text.append("X'1f;'");
				case 2 -> {
					this.text.append("N'");
					content(new String[] { "''", "\\" }, true);
					this.text.append('\'');
				}
				default -> {
					this.text.append(pick("U&'", "u&'"));
					content(new String[] { "''", "\\0041", "\\" }, true);
					this.text.append('\'').append(pick("", " UESCAPE '!'"));
				}
			}
		}

		private void quotedIdentifier() {
			this.text.append(pick("\"", "U&\""));
			content(new String[] { "\"\"", "'", "\\", "/*", "*/" }, false);
			this.text.append('"');
		}

		private void dollarBody() {
			String tag = "$" + pick("", "", "a", "body", "fn", "_x1", "é", "A", "outer") + "$";
			StringBuilder body;
			do {
				body = new StringBuilder();
				int pieces = this.random.nextInt(10);
				for (int i = 0; i < pieces; i++) {
					body.append(pick(pick(TEXT), pick("'", "\"", "/*", "*/", "$", "\\", "$1", "$inner$", "$$;$$", "-- x\n")));
				}
			}
			while ((body + tag).indexOf(tag) != body.length());
			this.text.append(tag).append(body).append(tag);
		}

		private void content(String[] special, boolean allowEmpty) {
			int pieces = this.random.nextInt(8) + (allowEmpty ? 0 : 1);
			for (int i = 0; i < pieces; i++) {
				this.text.append(this.random.nextBoolean() ? pick(TEXT) : pick(special));
			}
		}

		/** Whitespace between two fragments, possibly with comments. */
		private void separator() {
			this.text.append(separator(this.random), separator(this.variantRandom));
		}

		private static String separator(Random random) {
			StringBuilder out = new StringBuilder(pick(random, GAPS));
			if (random.nextInt(6) == 0) {
				comment(random, true, out);
				out.append(pick(random, GAPS));
			}
			return out.toString();
		}

		/**
		 * Whitespace and comments, possibly none; a line comment is followed by a line break
		 * unless {@code lineCommentNeedsBreak} is false.
		 */
		private void insignificant(boolean lineCommentNeedsBreak) {
			this.text.append(insignificant(this.random, lineCommentNeedsBreak, this.text.main),
					insignificant(this.variantRandom, lineCommentNeedsBreak, this.text.variant));
		}

		private static String insignificant(Random random, boolean lineCommentNeedsBreak, StringBuilder before) {
			StringBuilder out = new StringBuilder();
			if (!before.isEmpty() && before.charAt(before.length() - 1) == '-') {
				// "-" then "--" would read as a comment starting one character earlier
				out.append(' ');
			}
			int parts = random.nextInt(4);
			for (int i = 0; i < parts; i++) {
				if (random.nextBoolean()) {
					out.append(pick(random, GAPS));
				}
				else {
					comment(random, lineCommentNeedsBreak || i < parts - 1, out);
				}
			}
			return out.toString();
		}

		private static void comment(Random random, boolean lineCommentNeedsBreak, StringBuilder out) {
			if (random.nextBoolean()) {
				out.append("--").append(pick(random, " it's", " $$ body", " ;", " \"x", " /* no", "", " -- again"));
				if (lineCommentNeedsBreak || random.nextBoolean()) {
					out.append(pick(random, "\n", "\r\n", "\r"));
				}
			}
			else {
				blockComment(random, 0, out);
			}
		}

		private static void blockComment(Random random, int depth, StringBuilder out) {
			out.append("/*");
			int pieces = random.nextInt(6);
			for (int i = 0; i < pieces; i++) {
				if (depth < 2 && random.nextInt(5) == 0) {
					blockComment(random, depth + 1, out);
				}
				else {
					out.append(pick(random, "a", " ", ";", "'", "\"", "$$", "--", "\n", "a*b", "a/b", "é", "$x$"));
				}
			}
			out.append("*/");
		}

		private String pick(String... choices) {
			return pick(this.random, choices);
		}

		private static String pick(Random random, String... choices) {
			return choices[random.nextInt(choices.length)];
		}

	}

	/** The script being generated and its variant, which receive the same tokens. */
	private static final class Texts {

		private final StringBuilder main = new StringBuilder();

		private final StringBuilder variant = new StringBuilder();

		Texts append(Object significant) {
			this.main.append(significant);
			this.variant.append(significant);
			return this;
		}

		void append(String main, String variant) {
			this.main.append(main);
			this.variant.append(variant);
		}

		int length() {
			return this.main.length();
		}

	}

}
