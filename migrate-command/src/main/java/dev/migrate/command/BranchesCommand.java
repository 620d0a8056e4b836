package dev.migrate.command;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;

/**
 * {@code branches [-v]}: each branch point, newest first, followed by one
 * {@code -> child} line per revision built on it and a blank line; verbose prints the branch
 * point's log entry and the children's messages.
 *
 * @param verbose whether to print log entries and messages
 */
public record BranchesCommand(boolean verbose) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		RevisionGraph graph = context.migrator().graph();
		RevisionFormat format = new RevisionFormat(graph);
		PrintWriter out = context.out();
		List<Revision> revisions = graph.revisions();
		for (int i = revisions.size() - 1; i >= 0; i--) {
			Revision revision = revisions.get(i);
			if (!graph.isBranchPoint(revision.id())) {
				continue;
			}
			if (this.verbose) {
				out.print(format.entry(revision, false, List.of()));
			}
			else {
				out.println(format.line(revision, false, true, false, false));
			}
			String indent = " ".repeat(revision.id().length());
			for (String child : graph.children(revision.id())) {
				out.println(indent + " -> " + format.line(graph.get(child), false, true, this.verbose, false));
			}
			out.println();
		}
		out.flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	/** The grammar of {@code branches}: its options, parameters and help. */
	@Command(name = "branches", addMethodSubcommands = false,
			description = "Show each branch point and the revisions built on it.")
	static final class Options extends CommandOptions {

		@Option(names = { "-v", "--verbose" }, description = "Show details and messages.")
		private boolean verbose;

		@Override
		MigrateCommand command() {
			return new BranchesCommand(this.verbose);
		}

	}

}
