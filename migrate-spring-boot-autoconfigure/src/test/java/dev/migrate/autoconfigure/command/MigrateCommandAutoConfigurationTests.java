package dev.migrate.autoconfigure.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.ExitStatus;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateCommandAutoConfiguration}: when command mode applies, and the commands
 * it runs against the application's DataSource on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateCommandAutoConfigurationTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateCommandAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic");

	private ApplicationContextRunner withDatabase(String schema) {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
				"migrate.schema=" + schema);
	}

	@Test
	void backsOffWithoutCommand() {
		withDatabase("s_none").run((context) -> assertThat(context).doesNotHaveBean(MigrateCommandRunner.class)
			.hasBean("migrateStartupRunner"));
		withDatabase("s_none").withPropertyValues("migrate.command= ")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateCommandRunner.class));
		withDatabase("s_none").withPropertyValues("migrate.command=current", "migrate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateCommandRunner.class));
	}

	@Test
	void commandReplacesTheStartupAction() {
		withDatabase("s_replace").withPropertyValues("migrate.command=current")
			.run((context) -> assertThat(context).hasSingleBean(MigrateCommandRunner.class)
				.doesNotHaveBean("migrateStartupRunner")
				.hasSingleBean(Migrator.class));
	}

	@Test
	void commandsRunAgainstTheApplicationDataSource(CapturedOutput output) {
		String schema = PostgresDatabase.uniqueName("s");
		assertThat(execute(withDatabase(schema), "upgrade heads")).isEqualTo(ExitStatus.OK);
		assertThat(output.getOut()).containsPattern("Upgraded 2 revision\\(s\\) in \\d+ ms; database is at "
				+ "b2c3d4e5f6a1 \\(head\\)\n");
		assertThat(execute(withDatabase(schema), "current")).isEqualTo(ExitStatus.OK);
		assertThat(output.getOut()).contains("\nb2c3d4e5f6a1 (head)\n");
		assertThat(execute(withDatabase(schema), "current -v")).isEqualTo(ExitStatus.OK);
		assertThat(output.getOut()).contains("Current revision(s) for " + db.url() + " (user " + db.user() + "):\n"
				+ "Rev: b2c3d4e5f6a1 (head)\n");
		assertThat(execute(withDatabase(schema), "downgrade -1")).isEqualTo(ExitStatus.OK);
		assertThat(output.getOut()).containsPattern("Downgraded 1 revision\\(s\\) in \\d+ ms; database is at "
				+ "a1b2c3d4e5f6\n");
		assertThat(execute(withDatabase(schema), "check")).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(output.getOut()).contains("Pending: 1 revision(s) not applied;").contains("  b2c3d4e5f6a1 (add email column)");
		assertThat(execute(withDatabase(schema), "downgrade -2")).isEqualTo(ExitStatus.FAILED);
		assertThat(output.getErr()).contains("FAILED: Relative revision -2").contains("\nAction: ");
		assertThat(execute(withDatabase(schema), "downgrade")).isEqualTo(ExitStatus.USAGE);
		assertThat(output.getErr()).contains("Missing required parameter: 'TARGET'");
		assertThat(execute(withDatabase(schema), "history -r \"a1b2:")).isEqualTo(ExitStatus.USAGE);
	}

	@Test
	void acceptChecksumAcceptsAnEditedRevision(@TempDir Path directory, CapturedOutput output) throws IOException {
		for (String name : new String[] { "a1b2c3d4e5f6_create_account_table.sql", "b2c3d4e5f6a1_add_email_column.sql" }) {
			Files.copy(new ClassPathResource("revisions/basic/" + name).getInputStream(), directory.resolve(name));
		}
		ApplicationContextRunner runner = withDatabase(PostgresDatabase.uniqueName("s"))
			.withPropertyValues("migrate.locations=filesystem:" + directory);
		assertThat(execute(runner, "upgrade heads")).isEqualTo(ExitStatus.OK);
		Path file = directory.resolve("b2c3d4e5f6a1_add_email_column.sql");
		Files.writeString(file, Files.readString(file).replace("email text", "email varchar(320)"));
		assertThat(execute(runner, "check")).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(output.getOut()).contains("\nRevision b2c3d4e5f6a1 (filesystem:" + file + "): recorded checksum ")
			.contains("\nIf the edit is deliberate and the database already matches, accept the new checksum: "
					+ "--migrate.command=\"accept-checksum b2c3d4e5f6a1\"; otherwise revert the file\n");
		assertThat(execute(runner, "upgrade heads")).isEqualTo(ExitStatus.FAILED);
		assertThat(output.getErr()).contains(" accept the new checksum with --migrate.command=\"accept-checksum "
				+ "b2c3d4e5f6a1\", or turn the check off with migrate.validate-checksums=false\n");
		assertThat(execute(runner, "accept-checksum b2c3")).isEqualTo(ExitStatus.OK);
		assertThat(output.getOut()).containsPattern("\nAccepted the checksum of b2c3d4e5f6a1 \\(filesystem:\\S+\\): "
				+ "[0-9a-f]{64} -> [0-9a-f]{64}\n");
		assertThat(execute(runner, "check")).isEqualTo(ExitStatus.OK);
		assertThat(execute(runner, "accept-checksum f00d")).isEqualTo(ExitStatus.FAILED);
		assertThat(output.getErr()).contains("FAILED: Can't locate revision identified by 'f00d'\nAction: ");
	}

	@Test
	void runExitsWithTheCommandStatusAndClosesTheContext() {
		String schema = PostgresDatabase.uniqueName("s");
		withDatabase(schema).withPropertyValues("migrate.command=check").run((context) -> {
			StringWriter out = new StringWriter();
			AtomicInteger exit = new AtomicInteger(-1);
			ConfigurableApplicationContext source = context.getSourceApplicationContext();
			MigrateCommandRunner runner = new MigrateCommandRunner("check", context.getBeanProvider(Migrator.class),
					() -> null, source, new PrintWriter(out), new PrintWriter(new StringWriter()), exit::set);
			runner.run(null);
			assertThat(exit.get()).isEqualTo(ExitStatus.PROBLEMS);
			assertThat(out.toString()).startsWith("Pending: 2 revision(s) not applied");
			assertThat(source.isActive()).isFalse();
		});
	}

	@Test
	void withoutDatabaseTheCommandFails() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateCommandAutoConfiguration.class))
			.withPropertyValues("migrate.command=current")
			.run((context) -> {
			assertThat(context).hasSingleBean(MigrateCommandRunner.class).doesNotHaveBean(Migrator.class);
			StringWriter err = new StringWriter();
			MigrateCommandRunner runner = new MigrateCommandRunner("current", context.getBeanProvider(Migrator.class),
					() -> null, context.getSourceApplicationContext(), new PrintWriter(new StringWriter()),
					new PrintWriter(err), (status) -> {
					});
			assertThat(runner.execute()).isEqualTo(ExitStatus.FAILED);
			assertThat(err.toString()).startsWith("FAILED: migrate.command is set ('current') but migrate has no "
					+ "database");
		});
	}

	private int execute(ApplicationContextRunner runner, String command) {
		AtomicInteger status = new AtomicInteger(-1);
		runner.withPropertyValues("migrate.command=" + command)
			.run((context) -> status.set(commandRunner(context).execute()));
		return status.get();
	}

	private static MigrateCommandRunner commandRunner(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(MigrateCommandRunner.class);
	}

}
