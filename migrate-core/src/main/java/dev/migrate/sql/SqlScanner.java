package dev.migrate.sql;

import org.jspecify.annotations.Nullable;

/**
 * Reads PostgreSQL SQL text as a sequence of lexical tokens, one character at a time.
 *
 * <p>
 * The scanner follows PostgreSQL's lexer (with {@code standard_conforming_strings} on) just
 * far enough to tell where quotes, quoted identifiers, comments and dollar-quoted bodies begin
 * and end; everything else is reported as words, numbers, parameters and single characters.
 * It never fails: a construct that is still open at the end of the text is reported up to the
 * end with {@link #unterminated()} set, and callers decide whether that is an error.
 */
final class SqlScanner {

	/** The kinds of token the scanner reports. */
	enum Kind {

		/** A run of spaces, tabs, line breaks and form feeds. */
		WHITESPACE,

		/** A {@code --} comment, up to (not including) the line break. */
		LINE_COMMENT,

		/** A {@code /* ... *}{@code /} comment, which may nest. */
		BLOCK_COMMENT,

		/** A {@code '...'} literal, with an optional {@code B}, {@code X}, {@code N} or {@code U&} prefix. */
		STRING,

		/** An {@code E'...'} literal, where backslash escapes the next character. */
		ESCAPE_STRING,

		/** A {@code "..."} identifier, with an optional {@code U&} prefix. */
		QUOTED_IDENTIFIER,

		/** A {@code $$...$$} or {@code $tag$...$tag$} body. */
		DOLLAR_BODY,

		/** An unquoted identifier or keyword. */
		WORD,

		/** A numeric literal. */
		NUMBER,

		/** A positional parameter such as {@code $1}. */
		PARAMETER,

		/** {@code ;}. */
		SEMICOLON,

		/** {@code (}. */
		OPEN_PARENTHESIS,

		/** {@code )}. */
		CLOSE_PARENTHESIS,

		/** Any other single character (operator characters, punctuation). */
		OTHER;

		/** Whether the token means something to PostgreSQL (is neither whitespace nor a comment). */
		boolean significant() {
			return this != WHITESPACE && this != LINE_COMMENT && this != BLOCK_COMMENT;
		}

	}

	private final String text;

	private final int limit;

	private int position;

	private int start;

	private @Nullable Kind kind;

	private boolean unterminated;

	private int tagLength;

	SqlScanner(String text) {
		this(text, 0, text.length());
	}

	SqlScanner(String text, int from, int to) {
		this.text = text;
		this.position = from;
		this.limit = to;
	}

	/**
	 * Read the next token.
	 * @return its kind, or {@code null} at the end of the text
	 */
	@Nullable Kind next() {
		this.start = this.position;
		this.unterminated = false;
		if (this.position >= this.limit) {
			this.kind = null;
			return null;
		}
		char c = this.text.charAt(this.position);
		this.kind = switch (c) {
			case ' ', '\t', '\n', '\r', '\f', '\u000B' -> whitespace();
			case '-' -> (peek(1) == '-') ? lineComment() : single(Kind.OTHER);
			case '/' -> (peek(1) == '*') ? blockComment() : single(Kind.OTHER);
			case '\'' -> quoted(this.position, '\'', Kind.STRING);
			case '"' -> quoted(this.position, '"', Kind.QUOTED_IDENTIFIER);
			case '$' -> dollar();
			case ';' -> single(Kind.SEMICOLON);
			case '(' -> single(Kind.OPEN_PARENTHESIS);
			case ')' -> single(Kind.CLOSE_PARENTHESIS);
			default -> {
				if (isIdentifierStart(c)) {
					yield word(c);
				}
				if (c >= '0' && c <= '9') {
					yield number();
				}
				yield single(Kind.OTHER);
			}
		};
		return this.kind;
	}

	/** The kind of the current token. */
	@Nullable Kind kind() {
		return this.kind;
	}

	/** Where the current token starts. */
	int start() {
		return this.start;
	}

	/** Where the current token ends (exclusive). */
	int end() {
		return this.position;
	}

	/** Whether the current token is still open at the end of the text. */
	boolean unterminated() {
		return this.unterminated;
	}

	/** The opening tag of the current {@link Kind#DOLLAR_BODY}, such as {@code $fn$}. */
	String tag() {
		return this.text.substring(this.start, this.start + this.tagLength);
	}

	/** Whether the current token is a {@link Kind#WORD} equal to the given lower-case word, ignoring case. */
	boolean isWord(String word) {
		return this.kind == Kind.WORD && this.position - this.start == word.length()
				&& this.text.regionMatches(true, this.start, word, 0, word.length());
	}

	/** Continue scanning at the given position. */
	void moveTo(int position) {
		this.position = position;
	}

	private char peek(int offset) {
		int index = this.position + offset;
		return (index < this.limit) ? this.text.charAt(index) : '\0';
	}

	private Kind single(Kind kind) {
		this.position++;
		return kind;
	}

	private Kind whitespace() {
		int i = this.position + 1;
		while (i < this.limit && isWhitespace(this.text.charAt(i))) {
			i++;
		}
		this.position = i;
		return Kind.WHITESPACE;
	}

	private Kind lineComment() {
		int i = this.position + 2;
		while (i < this.limit) {
			char c = this.text.charAt(i);
			if (c == '\n' || c == '\r') {
				break;
			}
			i++;
		}
		this.position = i;
		return Kind.LINE_COMMENT;
	}

	private Kind blockComment() {
		int depth = 1;
		int i = this.position + 2;
		while (i < this.limit) {
			char c = this.text.charAt(i);
			if (c == '*' && i + 1 < this.limit && this.text.charAt(i + 1) == '/') {
				i += 2;
				if (--depth == 0) {
					this.position = i;
					return Kind.BLOCK_COMMENT;
				}
			}
			else if (c == '/' && i + 1 < this.limit && this.text.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else {
				i++;
			}
		}
		return unterminated(Kind.BLOCK_COMMENT);
	}

	/**
	 * Scan a literal or quoted identifier whose opening quote is at {@code quote}; a doubled
	 * quote stands for one quote character.
	 */
	private Kind quoted(int quote, char delimiter, Kind kind) {
		boolean backslashEscapes = kind == Kind.ESCAPE_STRING;
		int i = quote + 1;
		while (i < this.limit) {
			char c = this.text.charAt(i);
			if (c == delimiter) {
				if (i + 1 < this.limit && this.text.charAt(i + 1) == delimiter) {
					i += 2;
					continue;
				}
				this.position = i + 1;
				return kind;
			}
			i += (backslashEscapes && c == '\\') ? 2 : 1;
		}
		return unterminated(kind);
	}

	private Kind dollar() {
		char next = peek(1);
		if (next >= '0' && next <= '9') {
			int i = this.position + 2;
			while (i < this.limit && isDigit(this.text.charAt(i))) {
				i++;
			}
			this.position = i;
			return Kind.PARAMETER;
		}
		int i = this.position + 1;
		if (next != '$') {
			if (!isIdentifierStart(next)) {
				return single(Kind.OTHER);
			}
			i++;
			while (i < this.limit && isTagPart(this.text.charAt(i))) {
				i++;
			}
			if (i >= this.limit || this.text.charAt(i) != '$') {
				// Not a tag: PostgreSQL reads the $ alone and goes on with a word
				return single(Kind.OTHER);
			}
		}
		int bodyStart = i + 1;
		this.tagLength = bodyStart - this.position;
		int close = bodyStart;
		int lastStart = this.limit - this.tagLength;
		while (true) {
			close = this.text.indexOf('$', close);
			if (close < 0 || close > lastStart) {
				return unterminated(Kind.DOLLAR_BODY);
			}
			if (this.text.regionMatches(close, this.text, this.position, this.tagLength)) {
				this.position = close + this.tagLength;
				return Kind.DOLLAR_BODY;
			}
			close++;
		}
	}

	private Kind word(char first) {
		int i = this.position + 1;
		while (i < this.limit && isIdentifierPart(this.text.charAt(i))) {
			i++;
		}
		if (i == this.position + 1) {
			char next = peek(1);
			if (next == '\'') {
				if (first == 'e' || first == 'E') {
					return quoted(i, '\'', Kind.ESCAPE_STRING);
				}
				if (first == 'b' || first == 'B' || first == 'x' || first == 'X' || first == 'n' || first == 'N') {
					return quoted(i, '\'', Kind.STRING);
				}
			}
			else if (next == '&' && (first == 'u' || first == 'U')) {
				char quote = peek(2);
				if (quote == '\'') {
					return quoted(i + 1, '\'', Kind.STRING);
				}
				if (quote == '"') {
					return quoted(i + 1, '"', Kind.QUOTED_IDENTIFIER);
				}
			}
		}
		this.position = i;
		return Kind.WORD;
	}

	private Kind number() {
		int i = this.position + 1;
		while (i < this.limit && (isTagPart(this.text.charAt(i)) || this.text.charAt(i) == '.')) {
			i++;
		}
		this.position = i;
		return Kind.NUMBER;
	}

	private Kind unterminated(Kind kind) {
		this.position = this.limit;
		this.unterminated = true;
		return kind;
	}

	static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
	}

	private static boolean isTagPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

	private static boolean isIdentifierPart(char c) {
		return isTagPart(c) || c == '$';
	}

}
