package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.SqlScanner.Kind;

/**
 * Splits the SQL of a revision section into statements, understanding PostgreSQL's lexical
 * rules for quotes, comments and dollar-quoted bodies.
 *
 * <p>
 * A statement ends at a {@code ;} that is outside quotes, comments, dollar-quoted bodies and
 * parentheses, and (as psql does) outside the {@code BEGIN ... END} body of a
 * {@code CREATE FUNCTION} or {@code CREATE PROCEDURE}. Lines {@code -- statement-begin} and
 * {@code -- statement-end} make everything between them one statement.
 */
public final class SqlSplitter {

	private SqlSplitter() {
	}

	/**
	 * Split one section of a revision file into its statements.
	 * @param text the section's text
	 * @param source the file the text comes from, for messages
	 * @param firstLine the file line of the text's first character
	 * @return the statements in order
	 * @throws MigrateException with {@link ErrorCode#SQL_SYNTAX} when a quote, quoted
	 * identifier, comment, dollar body, parenthesis or {@code -- statement-begin} block is never
	 * closed
	 */
	public static List<SqlStatement> split(String text, @Nullable String source, int firstLine) {
		List<Span> spans = new Splitting(text, source, firstLine).run();
		List<SqlStatement> statements = new ArrayList<>(spans.size());
		for (Span span : spans) {
			statements.add(new SqlStatement(text.substring(span.start(), span.end()), span.line()));
		}
		return statements;
	}

	/**
	 * Split the text into alternating gaps and statements whose concatenation is the text.
	 * @param text the section's text
	 * @param source the file the text comes from, for messages
	 * @param firstLine the file line of the text's first character
	 * @return the segments in order
	 */
	static List<Segment> segments(String text, @Nullable String source, int firstLine) {
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (Span span : new Splitting(text, source, firstLine).run()) {
			segments.add(new Segment(text.substring(position, span.start()), false));
			segments.add(new Segment(text.substring(span.start(), span.end()), true));
			position = span.end();
		}
		segments.add(new Segment(text.substring(position), false));
		return segments;
	}

	/**
	 * A piece of the split text.
	 *
	 * @param text the piece's characters
	 * @param statement whether the piece is a statement (or the text between statements)
	 */
	record Segment(String text, boolean statement) {

	}

	private record Span(int start, int end, int line) {

	}

	private enum Marker {

		BEGIN("statement-begin"), END("statement-end");

		private static final Marker[] ALL = values();

		private final String word;

		Marker(String word) {
			this.word = word;
		}

	}

	/** One run of the splitter over one text. */
	private static final class Splitting {

		private static final String HATCH_HINT = "wrap the statement in a line -- statement-begin before it "
				+ "and a line -- statement-end after it";

		private final String text;

		private final String source;

		private final int firstLine;

		private final List<Span> spans = new ArrayList<>();

		private int countedTo;

		private int countedLines;

		private int statementStart = -1;

		private int lastSignificantEnd;

		private int parenthesisDepth;

		private int outerParenthesis;

		private int words;

		private final char[] leadingWords = new char[4];

		private int beginDepth;

		private int outerBegin;

		Splitting(String text, @Nullable String source, int firstLine) {
			this.text = text;
			this.source = (source != null) ? source : "SQL";
			this.firstLine = firstLine;
		}

		List<Span> run() {
			SqlScanner scanner = new SqlScanner(this.text);
			for (Kind kind = scanner.next(); kind != null; kind = scanner.next()) {
				if (scanner.unterminated()) {
					throw unterminated(scanner);
				}
				switch (kind) {
					case WHITESPACE, BLOCK_COMMENT -> {
					}
					case LINE_COMMENT -> lineComment(scanner);
					case SEMICOLON -> {
						if (this.parenthesisDepth == 0 && this.beginDepth == 0) {
							endStatement(scanner.start());
						}
						else {
							significant(scanner);
						}
					}
					default -> significant(scanner);
				}
			}
			if (this.parenthesisDepth > 0) {
				throw error(this.outerParenthesis, "parenthesis ( is never closed by )",
						"Close the parenthesis, or, if the SQL is valid PostgreSQL, " + HATCH_HINT + ".");
			}
			if (this.beginDepth > 0) {
				throw error(this.outerBegin,
						"BEGIN of the function body that starts here is never closed by END (statement on line "
								+ lineAt(this.statementStart) + ")",
						"End the body with END;, or, if the SQL is valid PostgreSQL, " + HATCH_HINT + ".");
			}
			endStatement(this.lastSignificantEnd);
			return this.spans;
		}

		private void significant(SqlScanner scanner) {
			if (this.statementStart < 0) {
				this.statementStart = scanner.start();
				this.words = 0;
			}
			this.lastSignificantEnd = scanner.end();
			// called on a token the scanner just read
			switch (Objects.requireNonNull(scanner.kind())) {
				case OPEN_PARENTHESIS -> {
					if (this.parenthesisDepth++ == 0) {
						this.outerParenthesis = scanner.start();
					}
				}
				case CLOSE_PARENTHESIS -> {
					if (this.parenthesisDepth > 0) {
						this.parenthesisDepth--;
					}
				}
				case WORD -> word(scanner);
				default -> {
				}
			}
		}

		/**
		 * Follow psql: in {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, {@code BEGIN} (and
		 * {@code CASE} inside it) open a block that {@code END} closes, and semicolons inside do
		 * not end the statement.
		 */
		private void word(SqlScanner scanner) {
			if (this.words < this.leadingWords.length) {
				boolean tracked = scanner.isWord("create") || scanner.isWord("function") || scanner.isWord("procedure")
						|| scanner.isWord("or") || scanner.isWord("replace");
				this.leadingWords[this.words] = tracked ? Character.toLowerCase(this.text.charAt(scanner.start())) : 0;
			}
			this.words++;
			if (this.parenthesisDepth > 0 || !createsRoutine()) {
				return;
			}
			if (scanner.isWord("begin")) {
				if (this.beginDepth++ == 0) {
					this.outerBegin = scanner.start();
				}
			}
			else if (scanner.isWord("case")) {
				if (this.beginDepth > 0) {
					this.beginDepth++;
				}
			}
			else if (scanner.isWord("end")) {
				if (this.beginDepth > 0) {
					this.beginDepth--;
				}
			}
		}

		private boolean createsRoutine() {
			if (this.words < 2 || this.leadingWords[0] != 'c') {
				return false;
			}
			char second = this.leadingWords[1];
			if (second == 'f' || second == 'p') {
				return true;
			}
			if (this.words < 4) {
				return false;
			}
			char fourth = this.leadingWords[3];
			return second == 'o' && this.leadingWords[2] == 'r' && (fourth == 'f' || fourth == 'p');
		}

		private void endStatement(int end) {
			if (this.statementStart >= 0) {
				this.spans.add(new Span(this.statementStart, end, lineAt(this.statementStart)));
			}
			this.statementStart = -1;
			this.words = 0;
			this.beginDepth = 0;
			this.parenthesisDepth = 0;
		}

		private void lineComment(SqlScanner scanner) {
			int start = scanner.start();
			int end = scanner.end();
			if (!aloneOnLine(start)) {
				return;
			}
			Marker marker = marker(start, end);
			if (marker == Marker.END) {
				throw error(start, "-- statement-end has no -- statement-begin before it",
						"Add a line -- statement-begin before the statement, or remove the line -- statement-end.");
			}
			if (marker == Marker.BEGIN) {
				if (this.statementStart >= 0) {
					throw error(start,
							"-- statement-begin is inside the statement that starts on line " + lineAt(this.statementStart)
									+ ", which is not ended by ;",
							"End the statement before it with ;.");
				}
				scanner.moveTo(hatch(start, end));
			}
		}

		/**
		 * Make one statement of the lines between a {@code -- statement-begin} line (ending at
		 * {@code markerEnd}) and the next {@code -- statement-end} line, without reading them as
		 * SQL, and return where scanning resumes.
		 */
		private int hatch(int markerStart, int markerEnd) {
			int contentStart = skipLineBreak(markerEnd);
			int lineStart = contentStart;
			int length = this.text.length();
			while (lineStart < length) {
				int lineEnd = lineStart;
				while (lineEnd < length && this.text.charAt(lineEnd) != '\n' && this.text.charAt(lineEnd) != '\r') {
					lineEnd++;
				}
				Marker marker = marker(lineStart, lineEnd);
				if (marker == Marker.BEGIN) {
					throw error(lineStart,
							"-- statement-begin inside the -- statement-begin block opened on line " + lineAt(markerStart),
							"Close the first block with a line -- statement-end before opening another.");
				}
				if (marker == Marker.END) {
					addHatchStatement(contentStart, lineStart);
					return lineEnd;
				}
				lineStart = skipLineBreak(lineEnd);
			}
			throw error(markerStart, "-- statement-begin has no -- statement-end after it",
					"Add a line -- statement-end after the statement.");
		}

		private void addHatchStatement(int from, int to) {
			SqlScanner scanner = new SqlScanner(this.text, from, to);
			int first = -1;
			int end = -1;
			for (Kind kind = scanner.next(); kind != null; kind = scanner.next()) {
				if (scanner.unterminated()) {
					addRawHatchStatement(from, to);
					return;
				}
				if (kind.significant()) {
					if (first < 0) {
						first = scanner.start();
					}
					end = (kind == Kind.SEMICOLON) ? scanner.start() : scanner.end();
				}
			}
			if (first >= 0 && end > first) {
				this.spans.add(new Span(first, end, lineAt(first)));
			}
		}

		/** Trim whitespace and one final semicolon from text the scanner cannot read. */
		private void addRawHatchStatement(int from, int to) {
			while (from < to && SqlScanner.isWhitespace(this.text.charAt(from))) {
				from++;
			}
			while (to > from && SqlScanner.isWhitespace(this.text.charAt(to - 1))) {
				to--;
			}
			if (to > from && this.text.charAt(to - 1) == ';') {
				to--;
			}
			if (to > from) {
				this.spans.add(new Span(from, to, lineAt(from)));
			}
		}

		private int skipLineBreak(int position) {
			int length = this.text.length();
			if (position < length && this.text.charAt(position) == '\r') {
				position++;
			}
			if (position < length && this.text.charAt(position) == '\n') {
				position++;
			}
			return position;
		}

		private boolean aloneOnLine(int position) {
			for (int i = position - 1; i >= 0; i--) {
				char c = this.text.charAt(i);
				if (c == '\n' || c == '\r') {
					return true;
				}
				if (!SqlScanner.isWhitespace(c)) {
					return false;
				}
			}
			return true;
		}

		/** The marker that the characters form (whitespace around {@code -- word} allowed), if any. */
		private @Nullable Marker marker(int from, int to) {
			while (from < to && SqlScanner.isWhitespace(this.text.charAt(from))) {
				from++;
			}
			while (to > from && SqlScanner.isWhitespace(this.text.charAt(to - 1))) {
				to--;
			}
			if (to - from < 2 || !this.text.startsWith("--", from)) {
				return null;
			}
			from += 2;
			while (from < to && SqlScanner.isWhitespace(this.text.charAt(from))) {
				from++;
			}
			for (Marker marker : Marker.ALL) {
				if (to - from == marker.word.length() && this.text.regionMatches(true, from, marker.word, 0, to - from)) {
					return marker;
				}
			}
			return null;
		}

		/** The file line of a position, counting LF, CRLF and CR as one line break each. */
		private int lineAt(int position) {
			if (position < this.countedTo) {
				this.countedTo = 0;
				this.countedLines = 0;
			}
			int lines = this.countedLines;
			String text = this.text;
			int length = text.length();
			for (int i = this.countedTo; i < position; i++) {
				char c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
					lines++;
				}
			}
			this.countedTo = position;
			this.countedLines = lines;
			return this.firstLine + lines;
		}

		private MigrateException unterminated(SqlScanner scanner) {
			int start = scanner.start();
			// called on the unterminated token the scanner just read
			return switch (Objects.requireNonNull(scanner.kind())) {
				case STRING -> error(start, "string literal " + excerpt(start) + " is never closed",
						"Close it with ' (write '' for a quote inside it), or, if the SQL is valid PostgreSQL, "
								+ HATCH_HINT + ".");
				case ESCAPE_STRING -> error(start, "escape string literal " + excerpt(start) + " is never closed",
						"Close it with ' (write \\' or '' for a quote inside it), or, if the SQL is valid PostgreSQL, "
								+ HATCH_HINT + ".");
				case QUOTED_IDENTIFIER -> error(start, "quoted identifier " + excerpt(start) + " is never closed",
						"Close it with \" (write \"\" for a quote inside it), or, if the SQL is valid PostgreSQL, "
								+ HATCH_HINT + ".");
				case BLOCK_COMMENT -> error(start, "block comment " + excerpt(start) + " is never closed",
						"Close it with */ (comments nest: every /* inside needs its own */), or, if the SQL is valid "
								+ "PostgreSQL, " + HATCH_HINT + ".");
				case DOLLAR_BODY -> error(start, "dollar-quoted body " + scanner.tag() + " is never closed",
						"Close it with " + scanner.tag() + ", or, if the SQL is valid PostgreSQL, " + HATCH_HINT + ".");
				default -> throw new IllegalStateException("Unexpected unterminated " + scanner.kind());
			};
		}

		/** The start of a construct, up to its first line break, shortened if long. */
		private String excerpt(int start) {
			int end = start;
			int length = this.text.length();
			while (end < length && end - start < 24 && this.text.charAt(end) != '\n' && this.text.charAt(end) != '\r') {
				end++;
			}
			String excerpt = this.text.substring(start, end);
			return (end < length) ? excerpt + "..." : excerpt;
		}

		private MigrateException error(int position, String what, String action) {
			return new MigrateException(ErrorCode.SQL_SYNTAX, this.source + " line " + lineAt(position) + ": " + what,
					action);
		}

	}

}
