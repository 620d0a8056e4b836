package dev.migrate.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary.Command;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.schema.RevisionScripts;
import dev.migrate.schema.SchemaChange;
import dev.migrate.shadow.Autogenerate;
import dev.migrate.shadow.SchemaScript;
import dev.migrate.shadow.ShadowDatabase;

/**
 * {@code revision --autogenerate -m MSG [--to FILE[,FILE...]] [--rev-id ID] [--dir DIR]}: apply
 * the desired schema (the files, else the front end's entity model) into a shadow database,
 * compare the database (which must be at its heads) with it, and write a revision with the
 * upgrade and downgrade that turn one into the other, each risky statement under a
 * {@code -- hazard:} comment. Statements that run outside a transaction (indexes built
 * {@code CONCURRENTLY} on existing tables, validations of constraints added {@code NOT VALID})
 * go into a second, non-transactional revision chained after the first. Prints
 * {@code No changes in schema detected.} and writes nothing when the schemas match.
 *
 * @param message the message
 * @param to the desired schema files, applied in order; empty for the front end's entity model
 * @param revisionId the id of the (first) revision, or {@code null} for a random one
 * @param directory where to write, or {@code null} for the first {@code filesystem:} location
 */
public record AutogenerateCommand(String message, List<Path> to, @Nullable String revisionId,
		@Nullable Path directory)
		implements MigrateCommand {

	/** Copy the files. */
	public AutogenerateCommand {
		message = (message != null) ? message : "";
		to = List.copyOf(to);
	}

	@Override
	public int run(CommandContext context) {
		RevisionFileWriter writer = RevisionFileWriter.open(context, this.directory);
		RevisionGraph graph = writer.graph();
		if (graph.heads().size() > 1) {
			throw RevisionCommand.multipleHeads(graph, context);
		}
		Migrator migrator = context.migrator();
		requireSameRevisions(graph, migrator.graph());
		requireAtHeads(migrator);
		List<SchemaScript> desired = desired(context);
		List<SchemaChange> changes;
		try (ShadowDatabase shadow = context.openShadow("revision --autogenerate")) {
			changes = Autogenerate.changes(migrator.dataSource(), shadow, desired, migrator.settings());
		}
		PrintWriter out = context.out();
		if (changes.isEmpty()) {
			out.println("No changes in schema detected.");
			out.flush();
			return ExitStatus.OK;
		}
		for (SchemaChange change : changes) {
			if (!change.consequential()) {
				out.println("Detected " + change.description());
			}
		}
		out.flush();
		write(writer, graph.heads(), RevisionScripts.render(changes));
		return ExitStatus.OK;
	}

	private void write(RevisionFileWriter writer, List<String> heads, RevisionScripts scripts) {
		List<String> downRevisions = heads;
		String id = this.revisionId;
		if (!scripts.upgrade().isEmpty() || !scripts.downgrade().isEmpty()) {
			id = (id != null) ? id : writer.newId();
			writer.write(id, downRevisions, this.message, true, scripts.upgrade(), scripts.downgrade());
			downRevisions = List.of(id);
			id = null;
		}
		if (scripts.hasNonTransactionalPart()) {
			id = (id != null) ? id : writer.newId();
			String message = this.message.isBlank() ? "non-transactional part" : this.message + " (non-transactional part)";
			writer.write(id, downRevisions, message, false, scripts.nonTransactionalUpgrade(),
					scripts.nonTransactionalDowngrade());
		}
	}

	private List<SchemaScript> desired(CommandContext context) {
		if (!this.to.isEmpty()) {
			return this.to.stream().map(SchemaScript::read).toList();
		}
		Supplier<List<SchemaScript>> model = context.desiredSchema();
		if (model == null) {
			throw new UsageException("revision --autogenerate needs the desired schema: pass --to FILE[,FILE...] "
					+ "(a schema.sql or a pg_dump --schema-only output)");
		}
		return model.get();
	}

	/**
	 * Fails when the revisions the file is built on (those of the directory written to) are not
	 * the ones the database is checked against (e.g. {@code --dir} names another directory than
	 * the source of {@code classpath:} locations).
	 */
	private void requireSameRevisions(RevisionGraph written, RevisionGraph checked) {
		if (!written.heads().equals(checked.heads())) {
			throw new UsageException("The revisions where the new revision would be written (heads: "
					+ describe(written.heads()) + ") are not the ones the database is checked against (heads: "
					+ describe(checked.heads()) + "); pass --dir with the source directory of the revisions, e.g. "
					+ "--dir src/main/resources/db/revisions");
		}
	}

	private static String describe(List<String> heads) {
		return heads.isEmpty() ? "none" : String.join(", ", heads);
	}

	/** Fails as Alembic does when the database is not at the heads of the revisions. */
	private static void requireAtHeads(Migrator migrator) {
		MigrationStatus status = migrator.status("heads");
		boolean atHeads = status.pending().isEmpty() && (status.state() == MigrationStatus.State.UP_TO_DATE
				|| status.state() == MigrationStatus.State.DRIFT);
		if (!atHeads) {
			String at = status.current().isEmpty() ? "base" : String.join(", ", status.current());
			throw new MigrateException(ErrorCode.PENDING_REVISIONS, "Target database is not up to date.",
					"The database is at " + at + " and the revisions' heads are " + String.join(", ", status.heads())
							+ ": upgrade it first (" + migrator.settings().vocabulary().command(Command.upgrade("heads"))
							+ "), then autogenerate again");
		}
	}

	@Override
	public boolean needsDatabase() {
		return true;
	}

}
