package dev.migrate.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.MigrateCommand;
import dev.migrate.command.RevisionCommand;

/** {@code migrate revision}: see {@link RevisionCommand}. */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = "Write a new empty revision <12-hex id>_<slug>.sql built on the head, into the first "
				+ "filesystem: location or --dir. Needs no database.")
final class RevisionCli extends CliCommand {

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG", description = "The message.")
	private String message;

	@Option(names = "--head", paramLabel = "REV",
			description = "Build on this head instead of the single head; 'base' starts a new base.")
	private String head;

	@Option(names = "--splice", description = "Allow --head to name a revision that is not a head (a new branch).")
	private boolean splice;

	@Option(names = "--non-transactional",
			description = "Run it outside a transaction (CREATE INDEX CONCURRENTLY, VACUUM...).")
	private boolean nonTransactional;

	@Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a random one.")
	private String revisionId;

	@Option(names = "--dir", paramLabel = "DIR", description = "Write into this directory.")
	private Path directory;

	@Override
	MigrateCommand command() {
		return new RevisionCommand(this.message, this.head, this.splice, this.nonTransactional, this.revisionId,
				this.directory);
	}

}
