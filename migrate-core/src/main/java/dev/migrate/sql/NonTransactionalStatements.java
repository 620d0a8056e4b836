package dev.migrate.sql;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrate.sql.SqlScanner.Kind;

/**
 * Recognises statements that PostgreSQL refuses to run inside a transaction block.
 *
 * <p>
 * Works on tokens: comments are skipped, keywords match in any case, and quoted identifiers,
 * string literals and dollar bodies never match a keyword. A statement that holds several
 * (written between {@code -- statement-begin} and {@code -- statement-end}) is checked part by
 * part. Statements that fail in a
 * transaction only because of what they act on (such as {@code REINDEX TABLE} or
 * {@code CLUSTER} of a partitioned table) cannot be told from their text and are not
 * reported.
 */
public final class NonTransactionalStatements {

	private NonTransactionalStatements() {
	}

	/**
	 * Return the construct that keeps the statement out of a transaction block, if any.
	 * @param statement the statement to classify
	 * @return the construct's name (for example {@code CREATE INDEX CONCURRENTLY}), or empty
	 * when the statement may run in a transaction
	 */
	public static Optional<String> find(SqlStatement statement) {
		Tokens tokens = new Tokens(statement.sql());
		do {
			if (tokens.next() && tokens.kind() == Kind.WORD) {
				String construct = classify(tokens);
				if (construct != null) {
					return Optional.of(construct);
				}
			}
		}
		while (tokens.nextStatement());
		return Optional.empty();
	}

	private static @Nullable String classify(Tokens tokens) {
		return switch (tokens.lowerCaseWord()) {
			case "create" -> create(tokens);
			case "drop" -> drop(tokens);
			case "alter" -> alter(tokens);
			case "reindex" -> reindex(tokens);
			case "vacuum" -> "VACUUM";
			case "cluster" -> cluster(tokens);
			case "discard" -> tokens.nextIs("all") ? "DISCARD ALL" : null;
			case "commit" -> tokens.nextIs("prepared") ? "COMMIT PREPARED" : null;
			case "rollback" -> tokens.nextIs("prepared") ? "ROLLBACK PREPARED" : null;
			default -> null;
		};
	}

	private static @Nullable String create(Tokens tokens) {
		if (tokens.nextIs("unique")) {
			return (tokens.nextIs("index") && tokens.nextIs("concurrently")) ? "CREATE UNIQUE INDEX CONCURRENTLY" : null;
		}
		if (tokens.nextIs("index")) {
			return tokens.nextIs("concurrently") ? "CREATE INDEX CONCURRENTLY" : null;
		}
		if (tokens.nextIs("database")) {
			return "CREATE DATABASE";
		}
		if (tokens.nextIs("tablespace")) {
			return "CREATE TABLESPACE";
		}
		if (tokens.nextIs("subscription")) {
			// Without a replication slot (create_slot = false, implied by connect = false) it may run in a transaction
			return tokens.hasDisabledOption("create_slot", "connect") ? null : "CREATE SUBSCRIPTION";
		}
		return null;
	}

	private static @Nullable String drop(Tokens tokens) {
		if (tokens.nextIs("index")) {
			return tokens.nextIs("concurrently") ? "DROP INDEX CONCURRENTLY" : null;
		}
		if (tokens.nextIs("database")) {
			return "DROP DATABASE";
		}
		if (tokens.nextIs("tablespace")) {
			return "DROP TABLESPACE";
		}
		if (tokens.nextIs("subscription")) {
			// Refused when the subscription has a replication slot, which the statement cannot tell
			return "DROP SUBSCRIPTION";
		}
		return null;
	}

	private static @Nullable String alter(Tokens tokens) {
		if (tokens.nextIs("system")) {
			return "ALTER SYSTEM";
		}
		if (tokens.nextIs("database")) {
			return (tokens.next() && tokens.nextIs("set") && tokens.nextIs("tablespace"))
					? "ALTER DATABASE ... SET TABLESPACE" : null;
		}
		if (tokens.nextIs("table")) {
			while (tokens.next()) {
				if (tokens.depth() == 0 && tokens.isWord("detach") && tokens.nextIs("partition")) {
					while (tokens.next()) {
						if (tokens.depth() == 0 && tokens.isWord("concurrently")) {
							return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
						}
					}
				}
			}
			return null;
		}
		if (tokens.nextIs("subscription") && tokens.next()) {
			if (tokens.nextIs("refresh")) {
				return tokens.nextIs("publication") ? "ALTER SUBSCRIPTION ... REFRESH PUBLICATION" : null;
			}
			if (tokens.next() && (tokens.isWord("set") || tokens.isWord("add") || tokens.isWord("drop"))) {
				String action = tokens.lowerCaseWord().toUpperCase(Locale.ROOT);
				// refresh defaults to true
				if (tokens.nextIs("publication") && !tokens.hasDisabledOption("refresh")) {
					return "ALTER SUBSCRIPTION ... " + action + " PUBLICATION (with refresh)";
				}
			}
		}
		return null;
	}

	private static @Nullable String reindex(Tokens tokens) {
		boolean concurrently = false;
		if (tokens.nextIs(Kind.OPEN_PARENTHESIS)) {
			concurrently = tokens.optionList().contains("concurrently");
		}
		if (!tokens.next() || tokens.kind() != Kind.WORD) {
			return null;
		}
		String kind = tokens.lowerCaseWord();
		if (concurrently || tokens.nextIs("concurrently")) {
			return "REINDEX CONCURRENTLY";
		}
		return switch (kind) {
			case "schema" -> "REINDEX SCHEMA";
			case "database" -> "REINDEX DATABASE";
			case "system" -> "REINDEX SYSTEM";
			default -> null;
		};
	}

	private static @Nullable String cluster(Tokens tokens) {
		if (tokens.nextIs(Kind.OPEN_PARENTHESIS)) {
			tokens.optionList();
		}
		tokens.nextIs("verbose");
		return tokens.next() ? null : "CLUSTER without a table name";
	}

	/**
	 * The significant tokens of a statement, read one at a time with one token of look-ahead; a
	 * {@code ;} outside parentheses ends a part, and {@link #next()} stops there until
	 * {@link #nextStatement()}.
	 */
	private static final class Tokens {

		private final String sql;

		private final SqlScanner scanner;

		private @Nullable Kind kind;

		private int start;

		private int end;

		private int depth;

		private boolean peeked;

		private boolean ended;

		Tokens(String sql) {
			this.sql = sql;
			this.scanner = new SqlScanner(sql);
		}

		/** Move to the next significant token; {@code false} at the end of the part. */
		boolean next() {
			if (this.ended) {
				return false;
			}
			if (this.peeked) {
				this.peeked = false;
			}
			else {
				scan();
			}
			if (this.kind == Kind.OPEN_PARENTHESIS) {
				this.depth++;
			}
			else if (this.kind == Kind.CLOSE_PARENTHESIS && this.depth > 0) {
				this.depth--;
			}
			else if (this.kind == Kind.SEMICOLON && this.depth == 0) {
				this.ended = true;
				return false;
			}
			return this.kind != null;
		}

		/** Skip the rest of the current part and start the next; {@code false} if there is none. */
		boolean nextStatement() {
			while (next()) {
				// skip
			}
			if (!this.ended) {
				return false;
			}
			this.ended = false;
			return true;
		}

		/** Move to the next token if it is the given word. */
		boolean nextIs(String word) {
			if (this.ended) {
				return false;
			}
			peek();
			if (this.kind == Kind.WORD && this.end - this.start == word.length()
					&& this.sql.regionMatches(true, this.start, word, 0, word.length())) {
				next();
				return true;
			}
			return false;
		}

		/** Move to the next token if it is of the given kind. */
		boolean nextIs(Kind kind) {
			if (this.ended) {
				return false;
			}
			peek();
			if (this.kind == kind) {
				next();
				return true;
			}
			return false;
		}

		private void peek() {
			if (!this.peeked) {
				scan();
				this.peeked = true;
			}
		}

		private void scan() {
			Kind kind = this.scanner.next();
			while (kind != null && !kind.significant()) {
				kind = this.scanner.next();
			}
			this.kind = kind;
			this.start = this.scanner.start();
			this.end = this.scanner.end();
		}

		@Nullable Kind kind() {
			return this.kind;
		}

		int depth() {
			return this.depth;
		}

		boolean isWord(String word) {
			return this.kind == Kind.WORD && this.end - this.start == word.length()
					&& this.sql.regionMatches(true, this.start, word, 0, word.length());
		}

		private boolean isAnyWord(String... words) {
			for (String word : words) {
				if (isWord(word)) {
					return true;
				}
			}
			return false;
		}

		String lowerCaseWord() {
			return this.sql.substring(this.start, this.end).toLowerCase(Locale.ROOT);
		}

		/**
		 * Read a parenthesised option list whose {@code (} is the current token, up to its
		 * {@code )}, and return the names of the options that are on.
		 */
		Set<String> optionList() {
			Set<String> enabled = new HashSet<>();
			int depth = this.depth;
			String option = null;
			while (next() && this.depth >= depth) {
				if (this.depth != depth) {
					continue;
				}
				if (option == null && this.kind == Kind.WORD) {
					option = lowerCaseWord();
					enabled.add(option);
				}
				else if (this.kind == Kind.OTHER && this.sql.charAt(this.start) == ',') {
					option = null;
				}
				else if (option != null && isFalse()) {
					enabled.remove(option);
				}
			}
			return enabled;
		}

		/**
		 * Whether the rest of the statement sets one of the options to false (such as
		 * {@code WITH (connect = false)}); reads to the end.
		 */
		boolean hasDisabledOption(String... names) {
			boolean afterName = false;
			while (next()) {
				if (isAnyWord(names)) {
					afterName = true;
				}
				else if (afterName && this.kind == Kind.OTHER && this.sql.charAt(this.start) == '=') {
					continue;
				}
				else if (afterName && isFalse()) {
					return true;
				}
				else {
					afterName = false;
				}
			}
			return false;
		}

		private boolean isFalse() {
			// called after next() found a token
			String value = switch (Objects.requireNonNull(this.kind)) {
				case WORD, NUMBER -> this.sql.substring(this.start, this.end);
				case STRING, ESCAPE_STRING -> this.sql.substring(this.sql.indexOf('\'', this.start) + 1,
						Math.max(this.end - 1, this.sql.indexOf('\'', this.start) + 1));
				default -> null;
			};
			if (value == null) {
				return false;
			}
			value = value.toLowerCase(Locale.ROOT);
			return value.equals("false") || value.equals("off") || value.equals("no") || value.equals("0");
		}

	}

}
