package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate downgrade}: see {@link DowngradeCommand}. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Revert revisions down to TARGET under the migration lock, logging each step on standard "
				+ "error.")
final class DowngradeCli extends CliCommand {

	@Parameters(paramLabel = "TARGET",
			description = "-N, base, a revision id or unique prefix, head-N; with --sql a FROM:TO range.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL of a FROM:TO range instead of running it, without a "
			+ "database.")
	private boolean sql;

	@Override
	MigrateCommand command() {
		return new DowngradeCommand(this.target, this.sql);
	}

}
