package dev.migrate.autoconfigure.command;

import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.SpringBootVocabulary;
import dev.migrate.command.CommandContext;
import dev.migrate.command.CommandRunner;
import dev.migrate.command.ExitStatus;

/**
 * {@link ApplicationRunner}, ordered before every other runner, that runs {@code migrate.command}
 * with the application's {@link Migrator}, printing its results on standard output and failures
 * on standard error, then closes the context and exits with the command's status (0 ok, 1
 * {@code check} found problems, 2 usage error, 3 failure, 4 internal error).
 */
final class MigrateCommandRunner implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(MigrateCommandRunner.class);

	private final String command;

	private final ObjectProvider<Migrator> migrator;

	private final Supplier<@Nullable String> database;

	private final ConfigurableApplicationContext context;

	private final PrintWriter out;

	private final PrintWriter err;

	private final IntConsumer exit;

	private final BiConsumer<Migrator, CommandContext.Builder> schemaSources;

	MigrateCommandRunner(String command, ObjectProvider<Migrator> migrator, Supplier<@Nullable String> database,
			ConfigurableApplicationContext context) {
		this(command, migrator, database, context, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
				System::exit);
	}

	MigrateCommandRunner(String command, ObjectProvider<Migrator> migrator, Supplier<@Nullable String> database,
			ConfigurableApplicationContext context, PrintWriter out, PrintWriter err, IntConsumer exit) {
		this(command, migrator, database, context, out, err, exit, (m, builder) -> {
		});
	}

	/**
	 * Create a runner.
	 * @param schemaSources gives the command context the shadow database and the desired schema
	 * of {@code revision --autogenerate} and {@code check --drift}
	 */
	MigrateCommandRunner(String command, ObjectProvider<Migrator> migrator, Supplier<@Nullable String> database,
			ConfigurableApplicationContext context, PrintWriter out, PrintWriter err, IntConsumer exit,
			BiConsumer<Migrator, CommandContext.Builder> schemaSources) {
		this.schemaSources = schemaSources;
		this.command = command;
		this.migrator = migrator;
		this.database = database;
		this.context = context;
		this.out = out;
		this.err = err;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = execute();
		this.exit.accept(SpringApplication.exit(this.context, () -> status));
	}

	/** Run the command and return its exit status. */
	int execute() {
		Migrator migrator = this.migrator.getIfAvailable();
		if (migrator == null) {
			this.err.println("FAILED: " + SpringBootVocabulary.COMMAND + " is set ('" + this.command
					+ "') but migrate has no database: there is no single DataSource and " + SpringBootVocabulary.URL
					+ " is not set");
			this.err.println("Action: Configure spring.datasource.* or " + SpringBootVocabulary.URL);
			this.err.flush();
			return ExitStatus.FAILED;
		}
		logger.info("Running migrate command '" + this.command + "' (" + SpringBootVocabulary.COMMAND
				+ "); the application exits afterwards");
		CommandContext.Builder builder = CommandContext.builder(migrator.settings())
			.migrator(() -> migrator)
			.out(this.out)
			.err(this.err)
			.database(this.database);
		this.schemaSources.accept(migrator, builder);
		CommandContext context = builder.build();
		int status = CommandRunner.run(this.command, context);
		logger.info("migrate command '" + this.command + "' finished with exit status " + status);
		return status;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
