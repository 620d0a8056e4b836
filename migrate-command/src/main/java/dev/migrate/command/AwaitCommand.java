package dev.migrate.command;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;

/**
 * {@code await [<target>] [--timeout DURATION]}: wait, without the lock and without writing,
 * until another process (a job, an instance that migrates) brings the database to the target
 * ({@code heads} by default), then print where it is; for init containers and replicas that do
 * not migrate. Fails with {@code AWAIT_TIMEOUT} when the timeout passes, and at once when
 * waiting cannot help (edited revisions, several heads, an unknown revision). See
 * {@link Migrator#await(String, Duration)}.
 *
 * @param target the target
 * @param timeout how long to wait, or {@code null} for the settings' lock timeout
 */
public record AwaitCommand(String target, @Nullable Duration timeout) implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		Migrator migrator = context.migrator();
		Duration wait = (this.timeout != null) ? this.timeout : context.settings().lockTimeout();
		MigrationStatus status = migrator.await(this.target, wait);
		context.out().println("Database is at " + this.target + ": "
				+ new RevisionFormat(migrator.graph()).rows(status.current()));
		context.out().flush();
		return ExitStatus.OK;
	}

	@Override
	public boolean needsDatabase() {
		return true;
	}

	/** The grammar of {@code await}: its options, parameters and help. */
	@Command(name = "await", addMethodSubcommands = false,
			description = "Wait until the database is at TARGET (another instance or job migrates it), without "
					+ "the lock and without writing; exit 0 then, or fail when the timeout passes. For init "
					+ "containers.")
	static final class Options extends CommandOptions {

		@Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "heads",
				description = "The target to wait for (default: ${DEFAULT-VALUE}).")
		private String target;

		@Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
				description = "How long to wait at most, e.g. 30s or 10m (default: the lock timeout).")
		private @Nullable Duration timeout;

		@Override
		MigrateCommand command() {
			return new AwaitCommand(this.target, this.timeout);
		}

	}

}
