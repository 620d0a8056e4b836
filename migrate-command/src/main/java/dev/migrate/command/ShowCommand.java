package dev.migrate.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.migrate.Migrator;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TargetResolver;

/**
 * {@code show <rev>}: the log entry of each revision a target names: an id or prefix,
 * {@code heads}, {@code head}, or {@code current} (the database's revisions).
 *
 * @param revision the target
 */
public record ShowCommand(String revision) implements MigrateCommand {

	private static final String CURRENT = "current";

	@Override
	public int run(CommandContext context) {
		Migrator migrator = context.migrator();
		RevisionGraph graph = migrator.graph();
		List<String> ids = CURRENT.equals(this.revision) ? migrator.current()
				: graph.inOrder(new TargetResolver(graph, context.settings().vocabulary()).resolve(this.revision, Set.of()));
		RevisionFormat format = new RevisionFormat(graph);
		PrintWriter out = context.out();
		for (String id : ids) {
			out.print(format.entry(graph.get(id), false, List.of()));
		}
		out.flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return CURRENT.equals(this.revision);
	}

	/** The grammar of {@code show}: its options, parameters and help. */
	@Command(name = "show", addMethodSubcommands = false,
			description = "Show the details of a revision: an id or unique prefix, 'heads', 'head', or 'current' "
					+ "(the database's revisions; needs a database).")
	static final class Options extends CommandOptions {

		@Parameters(paramLabel = "REV", description = "The revision.")
		private String revision;

		@Override
		MigrateCommand command() {
			return new ShowCommand(this.revision);
		}

	}

}
