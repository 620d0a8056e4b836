package dev.migrate.command;

import picocli.CommandLine.Option;

/**
 * The grammar of one command: picocli annotations on a subclass nested in the command's record
 * declare its name, help, options and parameters; {@link #command()} turns what was parsed into
 * the record. See {@link Commands}.
 */
abstract class CommandOptions {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
	private boolean help;

	/** The command the parsed options and parameters describe. */
	abstract MigrateCommand command();

}
