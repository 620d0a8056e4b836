package dev.migrate.command;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a command line is wrong (an unknown command or option, a missing or extra
 * argument), before anything is read or changed. Reported with {@link ExitStatus#USAGE}.
 */
public class UsageException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what is wrong with the command line and what was expected
	 */
	public UsageException(@Nullable String message) {
		super(message);
	}

}
