package dev.migrate.engine;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * What the server said about a failed statement: SQLSTATE, message, detail, hint and the
 * position in the statement, read from pgjdbc's {@code PSQLException} (through reflection, so
 * the driver stays a runtime dependency) or from the plain {@link SQLException}.
 *
 * @param sqlState the SQLSTATE, or {@code null}
 * @param message the server's primary message (or the exception's message)
 * @param detail the server's detail, or {@code null}
 * @param hint the server's hint, or {@code null}
 * @param position the 1-based character position in the statement, or 0 when not given
 */
record ServerError(@Nullable String sqlState, String message, @Nullable String detail, @Nullable String hint,
		int position) {

	/** SQLSTATE of {@code lock_not_available}, raised when {@code lock_timeout} fires. */
	static final String LOCK_NOT_AVAILABLE = "55P03";

	/** SQLSTATE of {@code unique_violation}. */
	static final String UNIQUE_VIOLATION = "23505";

	/** SQLSTATE of {@code not_null_violation}. */
	static final String NOT_NULL_VIOLATION = "23502";

	/** SQLSTATE of {@code duplicate_table}. */
	static final String DUPLICATE_TABLE = "42P07";

	/** SQLSTATE of {@code duplicate_schema}. */
	static final String DUPLICATE_SCHEMA = "42P06";

	/** SQLSTATE of {@code duplicate_object}. */
	static final String DUPLICATE_OBJECT = "42710";

	/**
	 * Read the server's error from an exception.
	 * @param ex the exception
	 * @return the error
	 */
	static ServerError of(SQLException ex) {
		Object serverMessage = invoke(ex, "getServerErrorMessage");
		if (serverMessage != null) {
			Object position = invoke(serverMessage, "getPosition");
			String message = text(invoke(serverMessage, "getMessage"), null);
			return new ServerError(ex.getSQLState(), (message != null) ? message : String.valueOf(ex.getMessage()),
					text(invoke(serverMessage, "getDetail"), null), text(invoke(serverMessage, "getHint"), null),
					(position instanceof Integer value) ? value : 0);
		}
		return new ServerError(ex.getSQLState(), String.valueOf(ex.getMessage()), null, null, 0);
	}

	/**
	 * The table an error is about (the server's {@code table_name} field), when pgjdbc reports it.
	 * @param ex the exception
	 * @return the unqualified table name, or {@code null}
	 */
	static @Nullable String table(SQLException ex) {
		Object serverMessage = invoke(ex, "getServerErrorMessage");
		return (serverMessage != null) ? text(invoke(serverMessage, "getTable"), null) : null;
	}

	/** Whether this is {@code lock_not_available} ({@code lock_timeout} fired). */
	boolean isLockNotAvailable() {
		return LOCK_NOT_AVAILABLE.equals(this.sqlState);
	}

	/** The server's text on one line: message, detail and hint. */
	String text() {
		StringBuilder text = new StringBuilder(this.message);
		if (this.detail != null) {
			text.append(" (detail: ").append(this.detail).append(')');
		}
		if (this.hint != null) {
			text.append(" (hint: ").append(this.hint).append(')');
		}
		return text.toString();
	}

	private static @Nullable String text(@Nullable Object value, @Nullable String fallback) {
		return (value instanceof String text && !text.isEmpty()) ? text : fallback;
	}

	private static @Nullable Object invoke(Object target, String name) {
		try {
			Method method = target.getClass().getMethod(name);
			return method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
