package dev.migrate.command;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.migrate.AppliedRevision;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;

/**
 * {@code accept-checksum [<rev>...]}: accept the current checksums of applied revisions whose
 * files were edited on purpose (Flyway's {@code repair}), under the migration lock, writing an
 * {@code accept_checksum} history row for each. Without revisions, every edited applied revision
 * is accepted. Prints one line per accepted revision with the recorded and the new checksum, or
 * one line saying there was nothing to accept.
 *
 * @param revisions revision ids or prefixes; empty for every edited applied revision
 */
public record AcceptChecksumCommand(List<String> revisions) implements MigrateCommand {

	public AcceptChecksumCommand {
		revisions = List.copyOf(revisions);
	}

	@Override
	public int run(CommandContext context) {
		Migrator migrator = context.migrator();
		RevisionGraph graph = migrator.graph();
		Map<String, String> before = new HashMap<>();
		migrator.status("heads").applied().forEach((applied) -> before.put(applied.revision(), applied.checksum()));
		migrator.acceptChecksums(this.revisions);
		PrintWriter out = context.out();
		int accepted = 0;
		for (AppliedRevision applied : migrator.status("heads").applied()) {
			String old = before.get(applied.revision());
			if (applied.checksum() != null && !applied.checksum().equals(old)) {
				Revision revision = graph.get(applied.revision());
				out.println("Accepted the checksum of " + revision.id() + " (" + revision.source() + "): "
						+ ((old != null) ? old : "none recorded") + " -> " + applied.checksum());
				accepted++;
			}
		}
		if (accepted == 0) {
			out.println(this.revisions.isEmpty()
					? "No checksum to accept: every applied revision matches its recorded checksum"
					: "No checksum to accept: " + String.join(", ", this.revisions)
							+ ((this.revisions.size() == 1) ? " matches its" : " match their") + " recorded checksum");
		}
		out.flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return true;
	}

	/** The grammar of {@code accept-checksum}: its options, parameters and help. */
	@Command(name = "accept-checksum", addMethodSubcommands = false,
			description = "Accept applied revisions whose files were edited on purpose (the database already matches "
					+ "them): record their current checksums, under the migration lock, so check and upgrade pass "
					+ "again. Flyway calls this repair. Runs no revision.")
	static final class Options extends CommandOptions {

		@Parameters(paramLabel = "REV", arity = "0..*",
				description = "Revision ids or unique prefixes; none: every edited applied revision.")
		private @Nullable List<String> revisions;

		@Override
		MigrateCommand command() {
			return new AcceptChecksumCommand((this.revisions != null) ? this.revisions : List.of());
		}

	}

}
