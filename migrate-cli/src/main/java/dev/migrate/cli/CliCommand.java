package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import dev.migrate.command.MigrateCommand;

/**
 * A subcommand of {@link MigrateCli}: its options become one {@link MigrateCommand}, which runs
 * with the global options.
 */
abstract class CliCommand implements Callable<Integer> {

	@ParentCommand
	private MigrateCli cli;

	@Spec
	private CommandSpec spec;

	/** The command the parsed options describe. */
	abstract MigrateCommand command();

	@Override
	public Integer call() {
		return this.cli.run(this::command, this.spec);
	}

}
