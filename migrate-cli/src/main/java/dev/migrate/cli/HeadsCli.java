package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.HeadsCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate heads}: see {@link HeadsCommand}. */
@Command(name = "heads", mixinStandardHelpOptions = true,
		description = "Show the heads of the revision graph (revisions nothing builds on).")
final class HeadsCli extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each head's details.")
	private boolean verbose;

	@Override
	MigrateCommand command() {
		return new HeadsCommand(this.verbose);
	}

}
