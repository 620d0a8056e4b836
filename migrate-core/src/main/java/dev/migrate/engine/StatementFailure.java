package dev.migrate.engine;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.migrate.sql.SqlStatement;

/**
 * A statement of a step failed: which one, and why. Internal to the executor; turned into a
 * {@link dev.migrate.MigrateException} by {@link FailureReport}.
 */
final class StatementFailure extends Exception {

	private static final long serialVersionUID = 1L;

	private final int statement;

	private final int statements;

	private final transient @Nullable SqlStatement sql;

	/**
	 * Create the failure.
	 * @param statement the 1-based number of the failed statement
	 * @param statements the number of statements of the step
	 * @param sql the failed statement, or {@code null} for a Java revision
	 * @param cause what the driver or the Java revision threw
	 */
	StatementFailure(int statement, int statements, @Nullable SqlStatement sql, Throwable cause) {
		super(cause.getMessage(), cause);
		this.statement = statement;
		this.statements = statements;
		this.sql = sql;
	}

	int statement() {
		return this.statement;
	}

	int statements() {
		return this.statements;
	}

	@Nullable SqlStatement sql() {
		return this.sql;
	}

	/** What the server said, or {@code null} when the cause is not a {@link SQLException}. */
	@Nullable ServerError serverError() {
		return (getCause() instanceof SQLException ex) ? ServerError.of(ex) : null;
	}

	/** Whether {@code lock_timeout} fired (SQLSTATE 55P03). */
	boolean isLockTimeout() {
		ServerError error = serverError();
		return error != null && error.isLockNotAvailable();
	}

}
