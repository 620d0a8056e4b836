package dev.migrate.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.Migrator;
import dev.migrate.graph.HistoryRange;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TargetResolver;
import dev.migrate.revision.Revision;

/**
 * {@code history [-v] [-r start:end] [-i]}: the revisions, newest first, one line each
 * ({@code 1975ea83b712 -> ae1027a6acf (head), add column}) or as log entries. The range is
 * inclusive; either end may be empty or {@code current}.
 *
 * @param verbose whether to print log entries
 * @param range {@code start:end}, {@code start:} or {@code :end}; {@code null} for all
 * @param indicateCurrent whether to mark the database's revisions {@code (current)}
 */
public record HistoryCommand(boolean verbose, @Nullable String range, boolean indicateCurrent)
		implements MigrateCommand {

	private static final String CURRENT = HistoryRange.CURRENT;

	@Override
	public int run(CommandContext context) {
		String start = null;
		String end = null;
		if (this.range != null) {
			int colon = this.range.indexOf(':');
			if (colon < 0) {
				throw new UsageException(
						"History range requires [start]:[end], [start]:, or :[end]; got '" + this.range + "'");
			}
			start = blankToNull(this.range.substring(0, colon));
			end = blankToNull(this.range.substring(colon + 1));
		}
		Migrator migrator = context.migrator();
		RevisionGraph graph = migrator.graph();
		Set<String> current = needsDatabase() ? Set.copyOf(migrator.current()) : null;
		List<String> ids;
		if (this.range == null) {
			ids = new ArrayList<>();
			for (Revision revision : graph.revisions()) {
				ids.add(revision.id());
			}
			Collections.reverse(ids);
		}
		else {
			TargetResolver resolver = new TargetResolver(graph, context.settings().vocabulary());
			ids = new HistoryRange(graph, resolver).walk(start, end, current);
		}
		RevisionFormat format = new RevisionFormat(graph);
		PrintWriter out = context.out();
		for (String id : ids) {
			Revision revision = graph.get(id);
			// read from the database when indicateCurrent is set
			boolean isCurrent = this.indicateCurrent && current != null && current.contains(revision.id());
			if (this.verbose) {
				out.print(format.entry(revision, isCurrent, List.of()));
			}
			else {
				out.println(format.line(revision, true, true, true, isCurrent));
			}
		}
		out.flush();
		return ExitStatus.OK;
	}

	private static @Nullable String blankToNull(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	@Override
	public boolean needsDatabase() {
		return this.indicateCurrent || (this.range != null && this.range.contains(CURRENT));
	}

	/** The grammar of {@code history}: its options, parameters and help. */
	@Command(name = "history", addMethodSubcommands = false,
			description = "List the revisions, newest first: <down revision(s)> -> <revision> (head) (branchpoint) "
					+ "(mergepoint), <message>. Needs a database only with -i or a 'current' range end.")
	static final class Options extends CommandOptions {

		@Option(names = { "-v", "--verbose" }, description = "Show each revision's details.")
		private boolean verbose;

		@Option(names = { "-r", "--rev-range" }, paramLabel = "START:END",
				description = "Only revisions from START to END, inclusive; either may be empty or 'current', "
						+ "e.g. 1975ea83b712:current.")
		private @Nullable String range;

		@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's revisions (current).")
		private boolean indicateCurrent;

		@Override
		MigrateCommand command() {
			return new HistoryCommand(this.verbose, this.range, this.indicateCurrent);
		}

	}

}
