package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.command.MigrateCommand;
import dev.migrate.command.UpgradeCommand;

/** {@code migrate upgrade}: see {@link UpgradeCommand}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = "Apply the pending revisions up to TARGET under the migration lock, logging each step on "
				+ "standard error.")
final class UpgradeCli extends CliCommand {

	@Parameters(paramLabel = "TARGET",
			description = "head, heads, a revision id or unique prefix, +N, <id>+N; with --sql also FROM:TO.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL instead of running it, without a database: from base, "
			+ "or from FROM of a FROM:TO range.")
	private boolean sql;

	@Override
	MigrateCommand command() {
		return new UpgradeCommand(this.target, this.sql);
	}

}
