package dev.migrate.sql;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.migrate.MigrateException;
import dev.migrate.sql.SqlScanner.Kind;

/**
 * Recognises statements that end, start or nest a transaction: {@code BEGIN},
 * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT},
 * {@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO} and {@code PREPARE TRANSACTION}.
 *
 * <p>
 * Only the first words of a statement count, read as tokens: keywords match in any case,
 * comments are skipped, and a {@code BEGIN} or {@code END} inside a function body (dollar-quoted,
 * or a {@code BEGIN ATOMIC} body, which the {@link SqlSplitter} keeps inside its
 * {@code CREATE FUNCTION}) never starts a statement. A statement written between
 * {@code -- statement-begin} and {@code -- statement-end} is split again with the splitter's rules
 * and each of its parts is checked.
 */
public final class TransactionControlStatements {

	private static final String NESTS = "starts a transaction, but a transactional revision already runs in the "
			+ "transaction migrate opens for it (PostgreSQL only warns), and the COMMIT that usually follows would "
			+ "commit the revision's statements before its version row";

	private static final String COMMITS = "ends the transaction migrate opens for the revision: the statements "
			+ "before it stay committed even if a later one fails, and the version row is written in another "
			+ "transaction";

	private static final String ROLLS_BACK = "ends the transaction migrate opens for the revision and silently "
			+ "discards the statements before it, while the revision would still be recorded as applied";

	private static final String SAVEPOINTS = "nests a transaction inside the one migrate opens for the revision, "
			+ "which migrate does not support: a failing statement fails the whole revision";

	private TransactionControlStatements() {
	}

	/**
	 * A transaction-control statement that was found.
	 *
	 * @param construct what it is, for example {@code COMMIT} or {@code ROLLBACK TO SAVEPOINT}
	 * @param effect what it does to the transaction a revision runs in, as the end of a sentence
	 * starting with the construct
	 * @param line the file line where it starts
	 */
	public record Found(String construct, String effect, int line) {

	}

	/**
	 * Return the first transaction-control statement in the statement, if any.
	 * @param statement the statement to classify
	 * @return what was found, or empty
	 */
	public static Optional<Found> find(SqlStatement statement) {
		Found found = atStart(statement.sql(), statement.line());
		if (found != null || statement.sql().indexOf(';') < 0) {
			return Optional.ofNullable(found);
		}
		List<SqlStatement> parts;
		try {
			parts = SqlSplitter.split(statement.sql(), null, statement.line());
		}
		catch (MigrateException ex) {
			// text the splitter cannot read (kept whole between statement markers): nothing to see
			return Optional.empty();
		}
		for (int i = 1; i < parts.size(); i++) {
			found = atStart(parts.get(i).sql(), parts.get(i).line());
			if (found != null) {
				return Optional.of(found);
			}
		}
		return Optional.empty();
	}

	private static @Nullable Found atStart(String sql, int line) {
		Words words = new Words(sql);
		if (!words.next()) {
			return null;
		}
		if (words.is("begin")) {
			return new Found("BEGIN", NESTS, line);
		}
		if (words.is("start")) {
			return (words.next() && words.is("transaction")) ? new Found("START TRANSACTION", NESTS, line) : null;
		}
		if (words.is("commit") || words.is("end")) {
			String construct = words.is("commit") ? "COMMIT" : "END";
			if (words.next() && words.is("prepared")) {
				// COMMIT PREPARED acts on another transaction; NonTransactionalStatements reports it
				return null;
			}
			return new Found(construct, COMMITS, line);
		}
		if (words.is("abort")) {
			return new Found("ABORT", ROLLS_BACK, line);
		}
		if (words.is("rollback")) {
			if (!words.next()) {
				return new Found("ROLLBACK", ROLLS_BACK, line);
			}
			if (words.is("prepared")) {
				return null;
			}
			if (words.is("work") || words.is("transaction")) {
				words.next();
			}
			return words.is("to") ? new Found("ROLLBACK TO SAVEPOINT", SAVEPOINTS, line)
					: new Found("ROLLBACK", ROLLS_BACK, line);
		}
		if (words.is("savepoint")) {
			return new Found("SAVEPOINT", SAVEPOINTS, line);
		}
		if (words.is("release")) {
			return new Found("RELEASE SAVEPOINT", SAVEPOINTS, line);
		}
		if (words.is("prepare")) {
			// PREPARE TRANSACTION 'id'; PREPARE transaction AS ... prepares a statement named transaction
			return (words.next() && words.is("transaction") && isString(words.nextKind())) ? new Found("PREPARE TRANSACTION", COMMITS, line) : null;
		}
		return null;
	}

	private static boolean isString(@Nullable Kind kind) {
		return kind == Kind.STRING || kind == Kind.ESCAPE_STRING || kind == Kind.DOLLAR_BODY;
	}

	/** The significant tokens at the start of a statement. */
	private static final class Words {

		private final SqlScanner scanner;

		Words(String sql) {
			this.scanner = new SqlScanner(sql);
		}

		/** Move to the next significant token; {@code false} at the end or at a {@code ;}. */
		boolean next() {
			Kind kind = nextKind();
			return kind != null && kind != Kind.SEMICOLON;
		}

		@Nullable Kind nextKind() {
			Kind kind = this.scanner.next();
			while (kind != null && !kind.significant()) {
				kind = this.scanner.next();
			}
			return kind;
		}

		boolean is(String word) {
			return this.scanner.isWord(word);
		}

	}

}
