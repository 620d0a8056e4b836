package dev.migrate.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.graph.TargetRange;

/**
 * {@code stamp <target>... [--purge] [--sql]}: set the version table to the targets without
 * running any revision, under the migration lock; {@code --purge} first empties the table (the
 * way out of unknown revisions). With {@code --sql}, print the script instead, starting from
 * base or from one {@code from:} shared by the targets.
 *
 * @param targets the targets ({@code heads}, {@code base}, ids...)
 * @param purge whether to empty the version table first
 * @param sql whether to print the SQL instead of running it
 */
public record StampCommand(List<String> targets, boolean purge, boolean sql) implements MigrateCommand {

	public StampCommand {
		targets = List.copyOf(targets);
	}

	@Override
	public int run(CommandContext context) {
		if (this.targets.isEmpty()) {
			throw new UsageException("stamp needs at least one target, e.g. stamp heads");
		}
		for (String target : this.targets) {
			SqlRanges.requireSqlForRange("stamp", target, this.sql);
		}
		if (this.sql && this.purge) {
			throw new UsageException("stamp --purge cannot be combined with --sql: offline mode cannot know "
					+ "which rows the version table holds; stamp from a range instead, e.g. stamp ae10:heads --sql");
		}
		Migrator migrator = context.migrator();
		if (this.sql) {
			String from = null;
			List<String> destinations = new ArrayList<>();
			for (int i = 0; i < this.targets.size(); i++) {
				String target = this.targets.get(i);
				if (TargetRange.isRange(target)) {
					TargetRange range = TargetRange.parse(target);
					if (i > 0 && !Objects.equals(from, range.from())) {
						throw new UsageException(
								"Stamp operation with --sql only supports a single starting revision at a time");
					}
					from = range.from();
					destinations.add(range.to());
				}
				else {
					if (from != null) {
						throw new UsageException(
								"Stamp operation with --sql only supports a single starting revision at a time");
					}
					destinations.add(target);
				}
			}
			context.out().print(migrator.stampSql(from, destinations));
		}
		else {
			MigrationResult result = migrator.stamp(this.targets, this.purge);
			context.out().println(RunSummary.of("Stamped", "stamp", result, migrator));
		}
		context.out().flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return !this.sql;
	}

	/** The grammar of {@code stamp}: its options, parameters and help. */
	@Command(name = "stamp", addMethodSubcommands = false,
			description = "Set the version table to the TARGETs without running any revision (adopt an existing "
					+ "database, recover from a manual fix).")
	static final class Options extends CommandOptions {

		@Parameters(paramLabel = "TARGET", arity = "1..*",
				description = "heads, base, revision ids; with --sql also FROM:TO.")
		private List<String> targets;

		@Option(names = "--purge", description = "Empty the version table first, even of revisions this build does "
				+ "not know.")
		private boolean purge;

		@Option(names = "--sql", description = "Print the SQL instead of running it, without a database.")
		private boolean sql;

		@Override
		MigrateCommand command() {
			return new StampCommand(this.targets, this.purge, this.sql);
		}

	}

}
