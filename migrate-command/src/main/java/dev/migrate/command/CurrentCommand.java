package dev.migrate.command;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.HistoryEntry;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.table.HistoryTableSql;

/**
 * {@code current [-v]}: the revisions the database is at, one per version-table row
 * ({@code ae1027a6acf (head)}); verbose adds the database and each revision's log entry with
 * when it was applied. Never creates the tables.
 *
 * @param verbose whether to print log entries instead of one line per revision
 */
public record CurrentCommand(boolean verbose) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		Migrator migrator = context.migrator();
		RevisionGraph graph = migrator.graph();
		RevisionFormat format = new RevisionFormat(graph);
		PrintWriter out = context.out();
		List<String> rows = migrator.current();
		List<HistoryEntry> history = this.verbose ? migrator.history() : List.of();
		if (this.verbose) {
			String database = context.database();
			out.println("Current revision(s) for " + ((database != null) ? database : "the database") + ":");
		}
		for (String id : rows) {
			if (!graph.contains(id)) {
				out.println(id + " (unknown: not a revision of this build)");
			}
			else if (this.verbose) {
				out.print(format.entry(graph.get(id), false, List.of(applied(id, history))));
			}
			else {
				out.println(format.line(graph.get(id), false, false, true, false, false));
			}
		}
		out.flush();
		return ExitStatus.OK;
	}

	private static String applied(String id, List<HistoryEntry> history) {
		for (HistoryEntry entry : history) {
			if (id.equals(entry.revision()) && entry.success()
					&& (HistoryTableSql.UPGRADE.equals(entry.direction())
							|| HistoryTableSql.STAMP.equals(entry.direction()))) {
				return "Applied: " + entry.finishedAt().truncatedTo(ChronoUnit.SECONDS) + " (" + entry.direction()
						+ " by " + entry.databaseUser() + ", " + entry.executionMs() + " ms)";
			}
		}
		return "Applied: not recorded in the history table";
	}

	@Override
	public boolean needsDatabase() {
		return true;
	}

	/** The grammar of {@code current}: its options, parameters and help. */
	@Command(name = "current", addMethodSubcommands = false,
			description = "Show the revision(s) the database is at, one per version-table row. Never creates the tables.")
	static final class Options extends CommandOptions {

		@Option(names = { "-v", "--verbose" }, description = "Show each revision's details and when it was applied.")
		private boolean verbose;

		@Override
		MigrateCommand command() {
			return new CurrentCommand(this.verbose);
		}

	}

}
