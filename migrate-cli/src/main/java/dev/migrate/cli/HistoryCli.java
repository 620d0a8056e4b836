package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.HistoryCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate history}: see {@link HistoryCommand}. */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List the revisions, newest first: <down revision(s)> -> <revision> (head) (branchpoint) "
				+ "(mergepoint), <message>. Needs a database only with -i or a 'current' range end.")
final class HistoryCli extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each revision's details.")
	private boolean verbose;

	@Option(names = { "-r", "--rev-range" }, paramLabel = "START:END",
			description = "Only revisions from START to END, inclusive; either may be empty or 'current', "
					+ "e.g. 1975ea83b712:current.")
	private String range;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's revisions (current).")
	private boolean indicateCurrent;

	@Override
	MigrateCommand command() {
		return new HistoryCommand(this.verbose, this.range, this.indicateCurrent);
	}

}
