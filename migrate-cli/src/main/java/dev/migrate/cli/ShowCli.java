package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.migrate.command.MigrateCommand;
import dev.migrate.command.ShowCommand;

/** {@code migrate show}: see {@link ShowCommand}. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Show the details of a revision: an id or unique prefix, 'heads', 'head', or 'current' "
				+ "(the database's revisions; needs a database).")
final class ShowCli extends CliCommand {

	@Parameters(paramLabel = "REV", description = "The revision.")
	private String revision;

	@Override
	MigrateCommand command() {
		return new ShowCommand(this.revision);
	}

}
