package dev.migrate.command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;

/**
 * Runs commands and turns their failures into exit statuses: a {@link UsageException} prints its
 * message ({@link ExitStatus#USAGE}), a {@link MigrateException} prints {@code FAILED: <what
 * happened>} and {@code Action: <what to do>} ({@link ExitStatus#FAILED}), both on the error
 * output, the action naming commands rather than {@link Migrator} methods.
 */
public final class CommandRunner {

	private static final Pattern ACCEPT_CHECKSUMS = Pattern.compile("Migrator\\.acceptChecksums\\(\\[([^\\]]*)\\]\\)");

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
			command = CommandLineParser.parse(commandLine);
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
		String action = action(ex);
		if (action != null && !action.isEmpty()) {
			err.println("Action: " + action);
		}
		err.flush();
		return ExitStatus.FAILED;
	}

	/**
	 * The action of a failure as the commands say it: where the engine names a {@link Migrator}
	 * method that has a command ({@code Migrator.acceptChecksums([ae10])}), the command
	 * ({@code 'accept-checksum ae10'}).
	 * @param ex the failure
	 * @return the action, or {@code null} when the failure has none
	 */
	public static String action(MigrateException ex) {
		if (ex.action() == null) {
			return null;
		}
		Matcher matcher = ACCEPT_CHECKSUMS.matcher(ex.action());
		StringBuilder action = new StringBuilder();
		while (matcher.find()) {
			List<String> ids = Arrays.stream(matcher.group(1).split(",")).map(String::strip).toList();
			matcher.appendReplacement(action, Matcher.quoteReplacement("'" + AcceptChecksumCommand.commandLine(ids) + "'"));
		}
		matcher.appendTail(action);
		return action.toString();
	}

	private static int usage(UsageException ex, PrintWriter err) {
		err.println(ex.getMessage());
		err.println("Run 'help' for the commands and their options.");
		err.flush();
		return ExitStatus.USAGE;
	}

}
