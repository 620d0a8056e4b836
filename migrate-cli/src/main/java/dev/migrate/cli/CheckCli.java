package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.CheckCommand;
import dev.migrate.command.DriftCheckCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate check}: see {@link CheckCommand}. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Exit 1 with one line per problem when revisions are pending, the graph has several heads, "
				+ "applied revisions were edited, or the database is at a revision this build does not know; "
				+ "exit 0 otherwise. Never writes.")
final class CheckCli extends CliCommand {

	@Option(names = "--drift", description = "Also replay the applied revisions into a shadow database (see "
			+ "--shadow-url) and exit 1 with one line per difference when the database's schema differs.")
	private boolean drift;

	@Override
	MigrateCommand command() {
		return this.drift ? new DriftCheckCommand() : new CheckCommand();
	}

}
