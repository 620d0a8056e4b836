package dev.migrate;

import org.jspecify.annotations.Nullable;

/**
 * The one exception type migrate throws: what happened (naming the file, line, revision or
 * value involved) and what to do about it.
 *
 * <p>
 * {@link #getMessage()} combines both; {@link #description()} and {@link #action()} keep them
 * apart for failure analyzers and endpoints.
 */
public class MigrateException extends RuntimeException {

	private final ErrorCode code;

	private final String description;

	private final @Nullable String action;

	/**
	 * Create a new exception.
	 * @param code what kind of failure this is
	 * @param description what happened, naming the file, line, revision or value involved
	 * @param action what the user should do, or {@code null} when there is nothing to add
	 */
	public MigrateException(ErrorCode code, String description, @Nullable String action) {
		this(code, description, action, null);
	}

	/**
	 * Create a new exception with a cause.
	 * @param code what kind of failure this is
	 * @param description what happened, naming the file, line, revision or value involved
	 * @param action what the user should do, or {@code null} when there is nothing to add
	 * @param cause the underlying exception or {@code null}
	 */
	public MigrateException(ErrorCode code, String description, @Nullable String action,
			@Nullable Throwable cause) {
		super(compose(description, action), cause);
		this.code = code;
		this.description = description;
		this.action = action;
	}

	private static String compose(String description, @Nullable String action) {
		return (action != null && !action.isEmpty()) ? description + "\nAction: " + action : description;
	}

	/** What kind of failure this is. */
	public ErrorCode code() {
		return this.code;
	}

	/** What happened. */
	public String description() {
		return this.description;
	}

	/** What to do about it, or {@code null}. */
	public @Nullable String action() {
		return this.action;
	}

}
