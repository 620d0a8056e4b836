package dev.migrate.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.graph.TargetRange;

/**
 * {@code upgrade <target> [--sql]}: apply the pending revisions up to the target, under the
 * migration lock, logging each step; with {@code --sql}, print the script instead, starting
 * from base or from the {@code from} of a {@code from:to} range, without a database.
 *
 * @param target the target ({@code head}, {@code heads}, an id, {@code +N}...), or a
 * {@code from:to} range with {@code --sql}
 * @param sql whether to print the SQL instead of running it
 */
public record UpgradeCommand(String target, boolean sql) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		SqlRanges.requireSqlForRange("upgrade", this.target, this.sql);
		Migrator migrator = context.migrator();
		if (this.sql) {
			String script;
			if (TargetRange.isRange(this.target)) {
				TargetRange range = TargetRange.parse(this.target);
				script = migrator.upgradeSql(range.from(), range.to());
			}
			else {
				script = migrator.upgradeSql(null, this.target);
			}
			context.out().print(script);
		}
		else {
			MigrationResult result = migrator.upgrade(this.target);
			context.out().println(RunSummary.of("Upgraded", "upgrade", result, migrator));
		}
		context.out().flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return !this.sql;
	}

	/** The grammar of {@code upgrade}: its options, parameters and help. */
	@Command(name = "upgrade", addMethodSubcommands = false,
			description = "Apply the pending revisions up to TARGET under the migration lock, logging each step on "
					+ "standard error.")
	static final class Options extends CommandOptions {

		@Parameters(paramLabel = "TARGET",
				description = "head, heads, a revision id or unique prefix, +N, <id>+N; with --sql also FROM:TO.")
		private String target;

		@Option(names = "--sql", description = "Print the SQL instead of running it, without a database: from base, "
				+ "or from FROM of a FROM:TO range.")
		private boolean sql;

		@Override
		MigrateCommand command() {
			return new UpgradeCommand(this.target, this.sql);
		}

	}

}
