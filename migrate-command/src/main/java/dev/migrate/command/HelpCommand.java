package dev.migrate.command;

/**
 * {@code help}, {@code --help}, {@code <command> --help}: prints the usage {@link Commands}
 * rendered from the commands' definitions.
 *
 * @param text the usage to print
 */
public record HelpCommand(String text) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		context.out().print(this.text);
		context.out().flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

}
