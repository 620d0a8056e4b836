package dev.migrate.command;

/**
 * {@code help}: prints the commands and their options.
 */
public record HelpCommand() implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		context.out().print(CommandUsage.TEXT);
		context.out().flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

}
