package dev.migrate.cli;

import picocli.CommandLine.Command;

import dev.migrate.command.CheckCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate check}: see {@link CheckCommand}. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Exit 1 with one line per problem when revisions are pending, the graph has several heads, "
				+ "applied revisions were edited, or the database is at a revision this build does not know; "
				+ "exit 0 otherwise. Never writes.")
final class CheckCli extends CliCommand {

	@Override
	MigrateCommand command() {
		return new CheckCommand();
	}

}
