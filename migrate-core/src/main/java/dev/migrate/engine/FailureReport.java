package dev.migrate.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.plan.Step;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Words the failure of a step: which revision and file, which statement of how many and on
 * which line and column, the SQLSTATE and the server's message, and the way out.
 */
final class FailureReport {

	private static final int MAX_STATEMENT_TEXT = 300;

	private static final Pattern CREATE_INDEX = Pattern.compile("create\\s+(?:unique\\s+)?index\\s+"
			+ "(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)"
			+ "(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)", Pattern.CASE_INSENSITIVE);

	private FailureReport() {
	}

	/**
	 * The failure of a statement.
	 * @param step the step
	 * @param failure the failed statement
	 * @param transactional whether the step ran in a transaction
	 * @param rolledBackWith how many other steps were rolled back with it (single transaction)
	 * @param vocabulary how the caller names its settings, for a missing privilege
	 * @return the exception to throw
	 */
	static MigrateException revisionFailed(Step step, StatementFailure failure, boolean transactional,
			int rolledBackWith, Vocabulary vocabulary) {
		Revision revision = revisionOf(step);
		StringBuilder description = new StringBuilder();
		description.append(what(step)).append(" failed ").append(where(failure)).append(": ").append(cause(failure));
		appendStatement(description, failure);
		ServerError error = failure.serverError();
		String fix;
		if (error != null && ConnectionLoss.is(error)) {
			fix = ConnectionLoss.advice(error, failure.getCause(), vocabulary);
		}
		else if (error != null && ServerError.DUPLICATE_TABLE.equals(error.sqlState())
				&& createdIndex(failure.sql()) != null) {
			String index = Objects.requireNonNull(createdIndex(failure.sql()));
			fix = "The index " + index + " already exists, probably left by an earlier run that was interrupted. If "
					+ "it is INVALID (SELECT indisvalid FROM pg_index WHERE indexrelid = '" + index.replace("'", "''")
					+ "'::regclass), drop it (DROP INDEX CONCURRENTLY IF EXISTS " + index + ";) and upgrade again. "
					+ "If it is valid and the one the revision builds, let the revision skip it (CREATE INDEX "
					+ "CONCURRENTLY IF NOT EXISTS; migrate still fails the revision if the index it skips is "
					+ "INVALID) and upgrade again";
		}
		else if (error != null && InsufficientPrivilege.is(error)) {
			fix = InsufficientPrivilege.action(error, vocabulary) + "; then start again";
		}
		else {
			fix = "Fix the revision in " + revision.source() + " and start again";
		}
		String action;
		if (transactional) {
			action = "Nothing of revision " + revision.id() + " was applied (its transaction was rolled back"
					+ ((rolledBackWith > 0) ? ", together with the " + rolledBackWith
							+ " revision(s) before it in the same transaction" : "")
					+ "). " + fix;
		}
		else if (failure.statement() > 1) {
			action = "Revision " + revision.id() + " is not transactional: statements 1 to " + (failure.statement() - 1)
					+ " of " + failure.statements() + " ran in autocommit and stay applied, and the revision is not "
					+ "recorded as applied. It must be re-runnable (e.g. DROP INDEX CONCURRENTLY IF EXISTS "
					+ "first; a failed CREATE INDEX CONCURRENTLY leaves an INVALID index). " + fix;
		}
		else {
			action = "Revision " + revision.id() + " is not transactional; its first statement failed, so nothing "
					+ "of it was applied (a failed CREATE INDEX CONCURRENTLY may still leave an INVALID index). "
					+ fix;
		}
		return new MigrateException(ErrorCode.REVISION_FAILED, description.toString(), action, failure.getCause());
	}

	/**
	 * A transactional step that ended the transaction migrate opened for it (a Java revision that
	 * called {@code commit()}, {@code rollback()} or {@code setAutoCommit(true)}, or a statement
	 * the load-time check could not see). It is not recorded as applied.
	 * @param step the step
	 * @param how how it ended the transaction, as the end of a sentence
	 * @param failure its failure when it then failed, or {@code null} when it returned normally
	 * @param committed whether the transaction was committed (else it was rolled back)
	 * @param autocommit whether the step went on in autocommit after ending it
	 * @param before how many steps before it ran in the same transaction
	 * @return the exception to throw
	 */
	static MigrateException transactionEnded(Step step, String how, @Nullable StatementFailure failure,
			boolean committed, boolean autocommit, int before) {
		Revision revision = revisionOf(step);
		StringBuilder description = new StringBuilder(what(step)).append(' ').append(how);
		if (failure != null) {
			description.append(", then failed ").append(where(failure)).append(": ").append(cause(failure));
			appendStatement(description, failure);
		}
		String after = autocommit ? "what it did after it ran in autocommit and stays too"
				: "what it did after it ran in a new transaction, which migrate rolled back";
		String what = "What revision " + revision.id() + " did up to that point "
				+ (committed ? "was committed and stays" : "was rolled back") + ", and " + after;
		String others = (before == 0) ? ""
				: committed ? " The " + before + " revision(s) before it in the same transaction were committed with it "
						+ "and are recorded as applied."
						: " The " + before + " revision(s) before it in the same transaction were rolled back with it.";
		String fix = (revision.upgrade() instanceof RevisionScript.Java)
				? "Leave the transaction to migrate (do not call commit(), rollback() or setAutoCommit() on its "
						+ "connection: migrate commits the revision together with its version row), or, if it must "
						+ "commit in batches, make it non-transactional (@RevisionInfo(transactional = false)) and safe "
						+ "to re-run"
				: "Remove the statement that ends the transaction, or make the revision non-transactional "
						+ "('-- transactional: false') and safe to re-run";
		return new MigrateException(ErrorCode.REVISION_FAILED, description.toString(),
				what + ". It is not recorded as applied." + others + " Check the database (current, history), "
						+ fix + ", then start again",
				(failure != null) ? failure.getCause() : null);
	}

	/**
	 * A non-transactional step that ran to its end but left INVALID indexes.
	 * @param step the step
	 * @param indexes the INVALID indexes, qualified
	 * @return the exception to throw
	 */
	static MigrateException invalidIndexes(Step step, List<String> indexes) {
		StringBuilder drops = new StringBuilder();
		for (String index : indexes) {
			drops.append((drops.length() > 0) ? " " : "").append("DROP INDEX CONCURRENTLY IF EXISTS ").append(index)
				.append(';');
		}
		return new MigrateException(ErrorCode.REVISION_FAILED,
				what(step) + " ran to its end but left " + ((indexes.size() > 1) ? "the indexes " : "the index ")
						+ String.join(", ", indexes) + " INVALID (pg_index.indisvalid is false): a CREATE INDEX "
						+ "CONCURRENTLY or REINDEX CONCURRENTLY was interrupted or failed, or IF NOT EXISTS skipped an "
						+ "INVALID index an earlier attempt left. PostgreSQL keeps such an index up to date but never "
						+ "uses it",
				"Revision " + revisionOf(step).id() + " is not recorded as applied. Drop the INVALID index ("
						+ drops + ") and upgrade again; the revision runs again and builds it",
				null);
	}

	/**
	 * A step that kept hitting {@code lock_timeout}.
	 * @param step the step
	 * @param failure the last failure
	 * @param attempts how many times it was tried
	 * @param settings the settings: the {@code lock_timeout} of each attempt and the vocabulary
	 * @param blockers the sessions that held locks after the last attempt, oldest transaction first
	 * @return the exception to throw
	 */
	static MigrateException ddlLockTimeout(Step step, StatementFailure failure, int attempts, MigrateSettings settings,
			List<LockBlockers.Session> blockers) {
		Vocabulary vocabulary = settings.vocabulary();
		StringBuilder description = new StringBuilder();
		description.append(what(step)).append(" could not get the locks it needs: ").append(where(failure))
			.append(" waited longer than lock_timeout (").append(Durations.format(settings.ddlLockTimeout()))
			.append(") in each of ").append(attempts).append(" attempt(s); last error: ").append(cause(failure));
		appendStatement(description, failure);
		String raise = "raise " + vocabulary.setting(Setting.DDL_LOCK_TIMEOUT) + " / "
				+ vocabulary.setting(Setting.DDL_LOCK_RETRIES);
		String action;
		if (blockers.isEmpty()) {
			action = "Nothing of revision " + revisionOf(step).id() + " was applied. Another session holds locks on "
					+ "the objects it changes (a long or idle-in-transaction session: see pg_stat_activity and "
					+ "pg_locks); end it, or start again when traffic is lower, or " + raise;
		}
		else {
			description.append("\nSessions holding locks in this database, oldest transaction first: ");
			for (int i = 0; i < blockers.size(); i++) {
				description.append((i > 0) ? "; " : "").append(blockers.get(i));
			}
			int pid = blockers.get(0).pid();
			action = "Nothing of revision " + revisionOf(step).id() + " was applied. The likely blocker is the oldest "
					+ "transaction, pid " + pid + ": if it is stuck or idle in transaction, end it (SELECT "
					+ "pg_terminate_backend(" + pid + ")); or start again when traffic is lower, or " + raise;
		}
		return new MigrateException(ErrorCode.DDL_LOCK_TIMEOUT, description.toString(), action, failure.getCause());
	}

	/**
	 * The name of the index a {@code CREATE [UNIQUE] INDEX} statement creates, as written.
	 * @param sql the statement, or {@code null}
	 * @return the name, or {@code null} when the statement is something else or has no name
	 */
	static @Nullable String createdIndex(@Nullable SqlStatement sql) {
		if (sql == null) {
			return null;
		}
		Matcher matcher = CREATE_INDEX.matcher(sql.sql());
		return (matcher.lookingAt() && !matcher.group(1).equalsIgnoreCase("on")) ? matcher.group(1) : null;
	}

	/** The revision of a step that runs statements (only a stamp to base has none, and it runs none). */
	static Revision revisionOf(Step step) {
		return Objects.requireNonNull(step.revision(), () -> "the " + step.direction() + " step has a revision");
	}

	/** {@code Upgrade of revision X (source)}. */
	static String what(Step step) {
		Revision revision = step.revision();
		String verb = switch (step.direction()) {
			case UPGRADE -> "Upgrade";
			case DOWNGRADE -> "Downgrade";
			case STAMP -> "Stamp";
		};
		if (revision == null) {
			return verb + " to base";
		}
		return verb + " of revision " + revision.id() + " (" + revision.source() + ")";
	}

	private static String where(StatementFailure failure) {
		SqlStatement sql = failure.sql();
		if (failure.statement() == 0) {
			return "before its first statement (setting lock_timeout)";
		}
		if (sql == null) {
			return "in its Java code";
		}
		String where = "at statement " + failure.statement() + " of " + failure.statements() + ", line " + sql.line();
		ServerError error = failure.serverError();
		if (error != null && error.position() > 0 && error.position() <= sql.sql().length() + 1) {
			int[] lineColumn = lineAndColumn(sql, error.position());
			where += " (error at line " + lineColumn[0] + ", column " + lineColumn[1] + ")";
		}
		return where;
	}

	/** The file line and column of a 1-based character position in a statement. */
	static int[] lineAndColumn(SqlStatement sql, int position) {
		String text = sql.sql();
		int line = sql.line();
		int lineStart = 0;
		int end = Math.min(position - 1, text.length());
		for (int i = 0; i < end; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new int[] { line, end - lineStart + 1 };
	}

	private static String cause(StatementFailure failure) {
		Throwable cause = Objects.requireNonNull(failure.getCause(), "a StatementFailure has a cause");
		if (cause instanceof SQLException ex) {
			ServerError error = ServerError.of(ex);
			return ((error.sqlState() != null) ? "SQLSTATE " + error.sqlState() + ": " : "") + error.text();
		}
		if (cause instanceof MigrateException ex) {
			return ex.description();
		}
		return cause.getClass().getName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private static void appendStatement(StringBuilder description, StatementFailure failure) {
		SqlStatement sql = failure.sql();
		if (sql != null) {
			String text = sql.sql().strip();
			if (text.length() > MAX_STATEMENT_TEXT) {
				text = text.substring(0, MAX_STATEMENT_TEXT) + "...";
			}
			description.append("\nStatement: ").append(text);
		}
	}

}
