package dev.migrate.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary.Command;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TargetResolver;

/**
 * {@code revision -m MSG [--head H] [--splice] [--non-transactional] [--rev-id ID] [--dir DIR]}:
 * write a new, empty SQL revision {@code <12-hex id>_<slug>.sql} built on the single head (or
 * {@code --head}; {@code --head base} starts a new base). Needs no database.
 *
 * @param message the message
 * @param head the revision to build on, or {@code null} for the single head
 * @param splice whether {@code head} may be a revision that is not a head (starting a branch)
 * @param nonTransactional whether the revision runs outside a transaction
 * @param revisionId the id, or {@code null} for a random one
 * @param directory where to write, or {@code null} for the first {@code filesystem:} location
 */
public record RevisionCommand(String message, String head, boolean splice, boolean nonTransactional,
		String revisionId, Path directory) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		RevisionFileWriter writer = RevisionFileWriter.open(context, this.directory);
		RevisionGraph graph = writer.graph();
		List<String> downRevisions;
		if (this.head == null) {
			if (graph.heads().size() > 1) {
				throw multipleHeads(graph, context);
			}
			downRevisions = graph.heads();
		}
		else {
			Set<String> ids = new TargetResolver(graph, context.settings().vocabulary()).resolve(this.head, Set.of());
			if (ids.size() > 1) {
				throw multipleHeads(graph, context);
			}
			downRevisions = List.copyOf(ids);
			if (!this.splice && !ids.isEmpty() && !graph.children(downRevisions.get(0)).isEmpty()) {
				throw new MigrateException(ErrorCode.INVALID_TARGET,
						"Revision " + downRevisions.get(0)
								+ " is not a head revision; please specify --splice to create a new branch from "
								+ "this revision",
						"Build on a head (" + String.join(", ", graph.heads()) + "), or add --splice to start a "
								+ "branch from " + downRevisions.get(0));
			}
		}
		writer.write(this.revisionId, downRevisions, this.message, !this.nonTransactional);
		return ExitStatus.OK;
	}

	static MigrateException multipleHeads(RevisionGraph graph, CommandContext context) {
		return new MigrateException(ErrorCode.MULTIPLE_HEADS,
				"Multiple heads are present; please specify the head revision on which the new revision should "
						+ "be based, or perform a merge. Heads: " + String.join(", ", graph.heads()),
				"Pass --head <one of them>, or merge them first: "
						+ context.settings().vocabulary().command(Command.merge("merge heads", List.of("heads"))));
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

}
