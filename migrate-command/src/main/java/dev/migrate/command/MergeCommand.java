package dev.migrate.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TargetResolver;

/**
 * {@code merge -m MSG heads|<rev>... [--rev-id ID] [--dir DIR]}: write a revision whose
 * down_revision lists the given revisions (usually every head), with empty sections. Needs no
 * database.
 *
 * @param message the message
 * @param revisions the revisions to merge: {@code heads} or ids and prefixes
 * @param revisionId the id, or {@code null} for a random one
 * @param directory where to write, or {@code null} for the first {@code filesystem:} location
 */
public record MergeCommand(String message, List<String> revisions, @Nullable String revisionId,
		@Nullable Path directory)
		implements MigrateCommand {

	public MergeCommand {
		revisions = List.copyOf(revisions);
	}

	@Override
	public int run(CommandContext context) {
		if (this.revisions.isEmpty()) {
			throw new UsageException("merge needs the revisions to merge, e.g. merge -m \"merge heads\" heads");
		}
		RevisionFileWriter writer = RevisionFileWriter.open(context, this.directory);
		RevisionGraph graph = writer.graph();
		TargetResolver resolver = new TargetResolver(graph, context.settings().vocabulary());
		Set<String> ids = new LinkedHashSet<>();
		for (String revision : this.revisions) {
			ids.addAll(resolver.resolve(revision, Set.of()));
		}
		List<String> parents = new ArrayList<>(ids);
		if (parents.size() < 2) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"Nothing to merge: " + String.join(" ", this.revisions) + " names "
							+ (parents.isEmpty() ? "no revision" : "only " + parents.get(0)),
					"Merge two or more heads (heads: "
							+ (graph.heads().isEmpty() ? "none" : String.join(", ", graph.heads())) + ")");
		}
		for (String parent : parents) {
			for (String other : parents) {
				if (!parent.equals(other) && graph.ancestors(Set.of(other)).contains(parent)) {
					throw new MigrateException(ErrorCode.INVALID_TARGET,
							"Cannot merge " + parent + " and " + other + ": " + parent + " is an ancestor of " + other,
							"Merge revisions of different branches, usually the heads (merge -m MSG heads)");
				}
			}
		}
		writer.write(this.revisionId, parents, this.message, true);
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	/** The grammar of {@code merge}: its options, parameters and help. */
	@Command(name = "merge", addMethodSubcommands = false,
			description = "Write a revision that merges REVs (usually 'heads') into one head, with empty sections. "
					+ "Needs no database.")
	static final class Options extends CommandOptions {

		@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG", description = "The message.")
		private String message;

		@Parameters(paramLabel = "REV", arity = "1..*", description = "'heads', or the revision ids to merge.")
		private List<String> revisions;

		@Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a random one.")
		private @Nullable String revisionId;

		@Option(names = "--dir", paramLabel = "DIR", description = "Write into this directory.")
		private @Nullable Path directory;

		@Override
		MigrateCommand command() {
			return new MergeCommand(this.message, this.revisions, this.revisionId, this.directory);
		}

	}

}
