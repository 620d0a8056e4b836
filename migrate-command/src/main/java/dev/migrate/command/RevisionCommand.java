package dev.migrate.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TargetResolver;
import dev.migrate.revision.RevisionLoader;

/**
 * {@code revision -m MSG [--head H] [--splice] [--branch-label L] [--non-transactional] [--rev-id ID]
 * [--dir DIR]}: write a new, empty SQL revision {@code <12-hex id>_<slug>.sql} built on the single
 * head (or {@code --head}; {@code --head base} starts a new base), declaring {@code L} in its
 * {@code branch_labels} header. Needs no database.
 *
 * @param message the message
 * @param head the revision to build on, or {@code null} for the single head
 * @param splice whether {@code head} may be a revision that is not a head (starting a branch)
 * @param nonTransactional whether the revision runs outside a transaction
 * @param branchLabel the branch label the revision declares, or {@code null} for none
 * @param revisionId the id, or {@code null} for a random one
 * @param directory where to write, or {@code null} for the first {@code filesystem:} location
 */
public record RevisionCommand(String message, @Nullable String head, boolean splice, boolean nonTransactional,
		@Nullable String branchLabel, @Nullable String revisionId, @Nullable Path directory) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		String labelProblem = (this.branchLabel != null) ? RevisionLoader.branchLabelProblem(this.branchLabel) : null;
		if (labelProblem != null) {
			throw new UsageException("revision --branch-label: " + labelProblem);
		}
		RevisionFileWriter writer = RevisionFileWriter.open(context, this.directory);
		RevisionGraph graph = writer.graph();
		if (this.branchLabel != null) {
			checkUnused(graph, this.branchLabel);
		}
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
		List<String> labels = (this.branchLabel != null) ? List.of(this.branchLabel) : List.of();
		writer.write(this.revisionId, downRevisions, labels, this.message, !this.nonTransactional);
		return ExitStatus.OK;
	}

	/** As Alembic: a new label may be neither another revision's label nor a revision's id. */
	private void checkUnused(RevisionGraph graph, String branchLabel) {
		String owner = graph.labelled(branchLabel).orElse(null);
		if (owner != null) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"Branch name '" + branchLabel + "' is already used by revision " + owner + " ("
							+ graph.get(owner).source() + ")",
					"Choose another --branch-label; revisions above " + owner + " already belong to that branch");
		}
		if (graph.contains(branchLabel)) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"Branch name '" + branchLabel + "' is the id of revision " + branchLabel + " ("
							+ graph.get(branchLabel).source() + ")",
					"Choose a --branch-label that is not a revision id");
		}
	}

	static MigrateException multipleHeads(RevisionGraph graph, CommandContext context) {
		return new MigrateException(ErrorCode.MULTIPLE_HEADS,
				"Multiple heads are present; please specify the head revision on which the new revision should "
						+ "be based, or perform a merge. Heads: " + String.join(", ", graph.heads()),
				"Pass --head <one of them>, or merge them first: "
						+ context.settings().vocabulary().command(Vocabulary.Command.merge("merge heads", List.of("heads"))));
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	/** The grammar of {@code revision}: its options, parameters and help. */
	@Command(name = "revision", addMethodSubcommands = false,
			description = "Write a new empty revision <12-hex id>_<slug>.sql built on the head, into the first "
					+ "filesystem: location or --dir. Needs no database.")
	static final class Options extends CommandOptions {

		@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG", description = "The message.")
		private String message;

		@Option(names = "--head", paramLabel = "REV",
				description = "Build on this head instead of the single head; 'base' starts a new base.")
		private @Nullable String head;

		@Option(names = "--splice", description = "Allow --head to name a revision that is not a head (a new branch).")
		private boolean splice;

		@Option(names = "--branch-label", paramLabel = "LABEL",
				description = "Declare this branch label (branch_labels header), usable in targets as LABEL@head.")
		private @Nullable String branchLabel;

		@Option(names = "--non-transactional",
				description = "Run it outside a transaction (CREATE INDEX CONCURRENTLY, VACUUM...).")
		private boolean nonTransactional;

		@Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a random one.")
		private @Nullable String revisionId;

		@Option(names = "--dir", paramLabel = "DIR", description = "Write into this directory.")
		private @Nullable Path directory;

		@Option(names = "--autogenerate",
				description = "Write the upgrade and downgrade that turn the database (at its heads) into the schema of "
						+ "--to (or, in an application using JPA without --to, of its entities), applied into a shadow "
						+ "database (see --shadow-url). Needs a database.")
		private boolean autogenerate;

		@Option(names = "--to", split = ",", paramLabel = "FILE",
				description = "With --autogenerate: the desired schema, comma-separated SQL files applied in order "
						+ "(a schema.sql or pg_dump --schema-only output).")
		private @Nullable List<Path> to;

		@Override
		MigrateCommand command() {
			if (this.autogenerate) {
				if (this.head != null || this.splice || this.nonTransactional || this.branchLabel != null) {
					throw new UsageException("revision --autogenerate takes no --head, --splice, --branch-label or "
							+ "--non-transactional: "
							+ "it builds on the single head the database is at");
				}
				return new AutogenerateCommand(this.message, (this.to != null) ? this.to : List.of(), this.revisionId,
						this.directory);
			}
			if (this.to != null) {
				throw new UsageException("revision --to needs --autogenerate");
			}
			return new RevisionCommand(this.message, this.head, this.splice, this.nonTransactional, this.branchLabel,
					this.revisionId, this.directory);
		}

	}

}
