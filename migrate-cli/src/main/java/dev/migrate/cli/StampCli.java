package dev.migrate.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.command.MigrateCommand;
import dev.migrate.command.StampCommand;

/** {@code migrate stamp}: see {@link StampCommand}. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = "Set the version table to the TARGETs without running any revision (adopt an existing "
				+ "database, recover from a manual fix).")
final class StampCli extends CliCommand {

	@Parameters(paramLabel = "TARGET", arity = "1..*",
			description = "heads, base, revision ids; with --sql also FROM:TO.")
	private List<String> targets;

	@Option(names = "--purge", description = "Empty the version table first, even of revisions this build does "
			+ "not know.")
	private boolean purge;

	@Option(names = "--sql", description = "Print the SQL instead of running it, without a database.")
	private boolean sql;

	@Override
	MigrateCommand command() {
		return new StampCommand(this.targets, this.purge, this.sql);
	}

}
