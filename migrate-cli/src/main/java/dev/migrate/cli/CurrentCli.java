package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.CurrentCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate current}: see {@link CurrentCommand}. */
@Command(name = "current", mixinStandardHelpOptions = true,
		description = "Show the revision(s) the database is at, one per version-table row. Never creates the tables.")
final class CurrentCli extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each revision's details and when it was applied.")
	private boolean verbose;

	@Override
	MigrateCommand command() {
		return new CurrentCommand(this.verbose);
	}

}
