package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.command.MergeCommand;
import dev.migrate.command.MigrateCommand;

/** {@code migrate merge}: see {@link MergeCommand}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Write a revision that merges REVs (usually 'heads') into one head, with empty sections. "
				+ "Needs no database.")
final class MergeCli extends CliCommand {

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG", description = "The message.")
	private String message;

	@Parameters(paramLabel = "REV", arity = "1..*", description = "'heads', or the revision ids to merge.")
	private List<String> revisions;

	@Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a random one.")
	private String revisionId;

	@Option(names = "--dir", paramLabel = "DIR", description = "Write into this directory.")
	private Path directory;

	@Override
	MigrateCommand command() {
		return new MergeCommand(this.message, this.revisions, this.revisionId, this.directory);
	}

}
