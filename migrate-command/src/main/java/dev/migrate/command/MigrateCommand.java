package dev.migrate.command;

/**
 * One parsed command, ready to run. Build one directly or parse one with {@link Commands} (the
 * grammar of the command line and of command mode); run it with {@link CommandRunner}.
 */
public sealed interface MigrateCommand permits CurrentCommand, HistoryCommand, HeadsCommand, BranchesCommand,
		ShowCommand, UpgradeCommand, DowngradeCommand, StampCommand, CheckCommand, AcceptChecksumCommand,
		RevisionCommand, MergeCommand, AwaitCommand, AutogenerateCommand, DriftCheckCommand, HelpCommand {

	/**
	 * Run the command, writing its results to the context's output.
	 * @param context where to read and write
	 * @return the exit status ({@link ExitStatus})
	 * @throws dev.migrate.MigrateException when a revision, the database or the migration fails
	 * @throws UsageException when the arguments do not fit together
	 */
	int run(CommandContext context);

	/** Whether the command reads or writes the database (and so needs a connection). */
	boolean needsDatabase();

}
