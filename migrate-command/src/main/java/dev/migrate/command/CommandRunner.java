package dev.migrate.command;

import java.io.PrintWriter;

import dev.migrate.MigrateException;

/**
 * Runs commands and turns their failures into exit statuses: a {@link UsageException} prints its
 * message ({@link ExitStatus#USAGE}), a {@link MigrateException} prints {@code FAILED: <what
 * happened>} and {@code Action: <what to do>} ({@link ExitStatus#FAILED}), both on the error
 * output. The action names settings and commands in the words of the settings'
 * {@link dev.migrate.Vocabulary} (the application's {@code migrate.*} properties in command mode,
 * the options of the CLI).
 */
public final class CommandRunner {

	private CommandRunner() {
	}

	/**
	 * Parse a command line and run it.
	 * @param commandLine the command line, e.g. {@code downgrade -1}
	 * @param context where to read and write
	 * @return the exit status
	 */
	public static int run(String commandLine, CommandContext context) {
		MigrateCommand command;
		try {
			command = Commands.parse(commandLine);
		}
		catch (UsageException ex) {
			return usage(ex, context.err());
		}
		return run(command, context);
	}

	/**
	 * Run a command.
	 * @param command the command
	 * @param context where to read and write
	 * @return the exit status
	 */
	public static int run(MigrateCommand command, CommandContext context) {
		try {
			return command.run(context);
		}
		catch (UsageException ex) {
			return usage(ex, context.err());
		}
		catch (MigrateException ex) {
			return failed(ex, context.err());
		}
		catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
			return internalError(ex, context.err());
		}
		finally {
			context.out().flush();
			context.err().flush();
		}
	}

	/**
	 * Print a failure as {@code FAILED: <description>} and {@code Action: <action>}.
	 * @param ex the failure
	 * @param err where to print
	 * @return {@link ExitStatus#FAILED}
	 */
	public static int failed(MigrateException ex, PrintWriter err) {
		err.println("FAILED: " + ex.description());
		if (ex.action() != null && !ex.action().isEmpty()) {
			err.println("Action: " + ex.action());
		}
		err.flush();
		return ExitStatus.FAILED;
	}

	/**
	 * Print what is a failure of migrate itself or of the JVM, not of the command, with its stack
	 * trace, as {@code INTERNAL ERROR: <exception>}.
	 * @param ex what was thrown
	 * @param err where to print
	 * @return {@link ExitStatus#INTERNAL_ERROR}
	 */
	public static int internalError(Throwable ex, PrintWriter err) {
		try {
			err.println("INTERNAL ERROR: " + ex);
			ex.printStackTrace(err);
			err.flush();
		}
		catch (Throwable ignored) {
			// nothing more can be reported (e.g. still out of memory); the status says it
		}
		return ExitStatus.INTERNAL_ERROR;
	}

	private static int usage(UsageException ex, PrintWriter err) {
		err.println(ex.getMessage());
		err.println("Run 'help' for the commands and their options.");
		err.flush();
		return ExitStatus.USAGE;
	}

}
