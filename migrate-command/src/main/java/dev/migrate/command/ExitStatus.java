package dev.migrate.command;

/**
 * The exit statuses of commands, as the command line and the application's command mode report
 * them.
 */
public final class ExitStatus {

	/** The command did what was asked. */
	public static final int OK = 0;

	/** {@code check} found problems (pending revisions, several heads, drift, unknown revisions). */
	public static final int PROBLEMS = 1;

	/** The command line is wrong: an unknown command or option, a missing or extra argument. */
	public static final int USAGE = 2;

	/** The command failed: a database, revision or migration error. */
	public static final int FAILED = 3;

	/**
	 * migrate itself failed, not the command: a bug, or the JVM ran out of memory. Never
	 * {@link #PROBLEMS}, so a script reading {@code check}'s status cannot mistake one for the
	 * other.
	 */
	public static final int INTERNAL_ERROR = 4;

	private ExitStatus() {
	}

}
