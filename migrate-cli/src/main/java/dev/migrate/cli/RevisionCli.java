package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migrate.command.AutogenerateCommand;
import dev.migrate.command.MigrateCommand;
import dev.migrate.command.UsageException;
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

	@Option(names = "--autogenerate",
			description = "Write the upgrade and downgrade that turn the database (at its heads) into the schema of "
					+ "--to, applied into a shadow database (see --shadow-url). Needs a database.")
	private boolean autogenerate;

	@Option(names = "--to", split = ",", paramLabel = "FILE",
			description = "With --autogenerate: the desired schema, comma-separated SQL files applied in order "
					+ "(a schema.sql or pg_dump --schema-only output).")
	private List<Path> to;

	@Override
	MigrateCommand command() {
		if (this.autogenerate) {
			if (this.head != null || this.splice || this.nonTransactional) {
				throw new UsageException("revision --autogenerate takes no --head, --splice or --non-transactional: "
						+ "it builds on the single head the database is at");
			}
			if (this.to == null || this.to.isEmpty()) {
				throw new UsageException("revision --autogenerate needs the desired schema: --to FILE[,FILE...]");
			}
			return new AutogenerateCommand(this.message, this.to, this.revisionId, this.directory);
		}
		if (this.to != null) {
			throw new UsageException("revision --to needs --autogenerate");
		}
		return new RevisionCommand(this.message, this.head, this.splice, this.nonTransactional, this.revisionId,
				this.directory);
	}

}
