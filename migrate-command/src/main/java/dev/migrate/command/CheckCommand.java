package dev.migrate.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.AppliedRevision;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;

/**
 * {@code check}: whether the database is at the heads of this build with valid checksums and the
 * graph has a single head. Prints one line per problem and returns {@link ExitStatus#PROBLEMS},
 * or {@code No pending revisions; database is at head(s) ...}. When applied revisions were edited, a
 * further line names the {@code accept-checksum} command that accepts them, in the words of the
 * settings' {@link Vocabulary}. INVALID indexes in the managed schemas (the version table's and
 * those of the search path) are problems too. Reads without the lock and never writes.
 */
public record CheckCommand() implements MigrateCommand {

	/** How many pending revisions are listed, one per line. */
	private static final int MAX_LISTED = 10;

	@Override
	public int run(CommandContext context) {
		Migrator migrator = context.migrator();
		RevisionGraph graph = migrator.graph();
		RevisionFormat format = new RevisionFormat(graph);
		MigrationStatus status = migrator.status("heads");
		List<String> problems = new ArrayList<>();
		Vocabulary vocabulary = context.settings().vocabulary();
		if (graph.heads().size() > 1) {
			problems.add("Multiple heads are present: " + String.join(", ", graph.heads())
					+ "; create a merge revision (" + vocabulary.command(Vocabulary.Command.merge("merge heads", List.of("heads")))
					+ ")");
		}
		for (String problem : status.problems()) {
			problems.add(oneLine(problem));
		}
		List<String> edited = edited(status, graph);
		if (!edited.isEmpty()) {
			problems.add("If the edit" + ((edited.size() > 1) ? "s are" : " is") + " deliberate and the database "
					+ "already matches, accept the new checksum" + ((edited.size() > 1) ? "s" : "") + ": "
					+ vocabulary.command(Vocabulary.Command.acceptChecksums(edited)) + "; otherwise revert the file"
					+ ((edited.size() > 1) ? "s" : ""));
		}
		if (!status.pending().isEmpty()) {
			List<String> pending = status.pending().stream().map(CheckCommand::describe).toList();
			StringBuilder lines = new StringBuilder("Pending: " + pending.size() + " revision(s) not applied; database "
					+ "is at " + format.rows(status.current()));
			for (String revision : pending.subList(0, Math.min(pending.size(), MAX_LISTED))) {
				lines.append(System.lineSeparator()).append("  ").append(revision);
			}
			if (pending.size() > MAX_LISTED) {
				lines.append(System.lineSeparator())
					.append("  ... and ")
					.append(pending.size() - MAX_LISTED)
					.append(" more (")
					.append(vocabulary.command(Vocabulary.Command.listPending()))
					.append(" lists them all)");
			}
			problems.add(lines.toString());
		}
		for (String index : migrator.invalidIndexes()) {
			problems.add("Index " + index + " is INVALID (an interrupted CREATE INDEX CONCURRENTLY or REINDEX "
					+ "CONCURRENTLY left it; PostgreSQL maintains it but never uses it): drop it (DROP INDEX "
					+ "CONCURRENTLY IF EXISTS " + index + ";) and build it again, or upgrade again if a revision "
					+ "builds it");
		}
		PrintWriter out = context.out();
		if (problems.isEmpty()) {
			out.println("No pending revisions; database is at head(s) " + format.rows(status.current()));
			out.flush();
			return ExitStatus.OK;
		}
		problems.forEach(out::println);
		out.flush();
		return ExitStatus.PROBLEMS;
	}

	/** Applied revisions whose file no longer has the recorded checksum, when checksums are validated. */
	private static List<String> edited(MigrationStatus status, RevisionGraph graph) {
		if (status.state() != MigrationStatus.State.DRIFT) {
			return List.of();
		}
		return status.applied()
			.stream()
			.filter((applied) -> applied.checksum() != null && graph.get(applied.revision()).checksum() != null
					&& !applied.checksum().equals(graph.get(applied.revision()).checksum()))
			.map(AppliedRevision::revision)
			.toList();
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", "; ");
	}

	@Override
	public boolean needsDatabase() {
		return true;
	}

	private static String describe(Revision revision) {
		return revision.message().isEmpty() ? revision.id() : revision.id() + " (" + revision.message() + ")";
	}

	/** The grammar of {@code check}: its options, parameters and help. */
	@Command(name = "check", addMethodSubcommands = false,
			description = "Exit 1 with one line per problem when revisions are pending, the graph has several heads, "
					+ "applied revisions were edited, or the database is at a revision this build does not know; "
					+ "exit 0 otherwise. Never writes.")
	static final class Options extends CommandOptions {

		@Option(names = "--drift", description = "Also replay the applied revisions into a shadow database (see "
				+ "--shadow-url) and exit 1 with one line per difference when the database's schema differs.")
		private boolean drift;

		@Override
		MigrateCommand command() {
			return this.drift ? new DriftCheckCommand() : new CheckCommand();
		}

	}

}
