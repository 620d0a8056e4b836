package dev.migrate.command;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;

/**
 * {@code heads [-v]}: the heads of the revision graph ({@code ae1027a6acf (head)}), sorted by id,
 * or their log entries.
 *
 * @param verbose whether to print log entries
 */
public record HeadsCommand(boolean verbose) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		RevisionGraph graph = context.migrator().graph();
		RevisionFormat format = new RevisionFormat(graph);
		PrintWriter out = context.out();
		for (String id : graph.branchHeads()) {
			Revision revision = graph.get(id);
			if (this.verbose) {
				out.print(format.entry(revision, false, List.of()));
			}
			else {
				out.println(format.line(revision, false, false, false, false));
			}
		}
		out.flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	/** The grammar of {@code heads}: its options, parameters and help. */
	@Command(name = "heads", addMethodSubcommands = false,
			description = "Show the heads of the revision graph (revisions nothing builds on).")
	static final class Options extends CommandOptions {

		@Option(names = { "-v", "--verbose" }, description = "Show each head's details.")
		private boolean verbose;

		@Override
		MigrateCommand command() {
			return new HeadsCommand(this.verbose);
		}

	}

}
