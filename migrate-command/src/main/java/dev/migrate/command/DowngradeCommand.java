package dev.migrate.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.graph.TargetRange;

/**
 * {@code downgrade <target> [--sql]}: revert revisions down to the target ({@code -1},
 * {@code base}, an id...), under the migration lock; with {@code --sql}, print the script of a
 * {@code from:to} range instead, without a database.
 *
 * @param target the target, or a {@code from:to} range with {@code --sql}
 * @param sql whether to print the SQL instead of running it
 */
public record DowngradeCommand(String target, boolean sql) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		SqlRanges.requireSqlForRange("downgrade", this.target, this.sql);
		if (this.sql && !TargetRange.isRange(this.target)) {
			throw new UsageException("downgrade with --sql requires <fromrev>:<torev>, got '" + this.target
					+ "' (offline mode cannot read where the database is), e.g. downgrade 53fffde5ad5:base --sql");
		}
		Migrator migrator = context.migrator();
		if (this.sql) {
			TargetRange range = TargetRange.parse(this.target);
			context.out().print(migrator.downgradeSql(range.from(), range.to()));
		}
		else {
			MigrationResult result = migrator.downgrade(this.target);
			context.out().println(RunSummary.of("Downgraded", "downgrade", result, migrator));
		}
		context.out().flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return !this.sql;
	}

	/** The grammar of {@code downgrade}: its options, parameters and help. */
	@Command(name = "downgrade", addMethodSubcommands = false,
			description = "Revert revisions down to TARGET under the migration lock, logging each step on standard "
					+ "error.")
	static final class Options extends CommandOptions {

		@Parameters(paramLabel = "TARGET",
				description = "-N, base, a revision id or unique prefix, head-N; with --sql a FROM:TO range.")
		private String target;

		@Option(names = "--sql", description = "Print the SQL of a FROM:TO range instead of running it, without a "
				+ "database.")
		private boolean sql;

		@Override
		MigrateCommand command() {
			return new DowngradeCommand(this.target, this.sql);
		}

	}

}
