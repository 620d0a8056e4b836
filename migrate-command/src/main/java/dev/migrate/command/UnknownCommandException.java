package dev.migrate.command;

/**
 * Thrown when a command line names a command migrate does not have: its message is the whole
 * report (one line saying so and what to do instead), so front ends print it without adding
 * their usage hint. Reported with {@link ExitStatus#USAGE}.
 */
public class UnknownCommandException extends UsageException {

	/**
	 * Create a new exception.
	 * @param message the one line to print
	 */
	public UnknownCommandException(String message) {
		super(message);
	}

}
