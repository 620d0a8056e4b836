package dev.migrate.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.migrate.command.AcceptChecksumCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate accept-checksum}: see {@link AcceptChecksumCommand}. */
@Command(name = "accept-checksum", mixinStandardHelpOptions = true,
		description = "Accept applied revisions whose files were edited on purpose (the database already matches "
				+ "them): record their current checksums, under the migration lock, so check and upgrade pass "
				+ "again. Flyway calls this repair. Runs no revision.")
final class AcceptChecksumCli extends CliCommand {

	@Parameters(paramLabel = "REV", arity = "0..*",
			description = "Revision ids or unique prefixes; none: every edited applied revision.")
	private List<String> revisions;

	@Override
	MigrateCommand command() {
		return new AcceptChecksumCommand((this.revisions != null) ? this.revisions : List.of());
	}

}
