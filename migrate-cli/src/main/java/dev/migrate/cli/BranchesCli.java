package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.BranchesCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate branches}: see {@link BranchesCommand}. */
@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show each branch point and the revisions built on it.")
final class BranchesCli extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show details and messages.")
	private boolean verbose;

	@Override
	MigrateCommand command() {
		return new BranchesCommand(this.verbose);
	}

}
