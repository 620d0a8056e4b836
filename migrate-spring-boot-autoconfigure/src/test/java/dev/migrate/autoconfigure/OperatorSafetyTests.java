package dev.migrate.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrate.autoconfigure.health.MigrationsReadinessGroupPostProcessor;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What an operator is told, on a real PostgreSQL: no silent state ({@code migrate.enabled=false},
 * {@code migrate.mode=off}, a schema outside the application's search path, several heads),
 * values rejected at binding time naming the property, and connect retries through the
 * application's HikariCP pool.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorSafetyTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateDisabledAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic");

	private ApplicationContextRunner withDatabase() {
		return withUrl(db.url());
	}

	private ApplicationContextRunner withUrl(String url) {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + url,
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
	}

	@Test
	void disabledSaysSoInOneInfoLine(CapturedOutput output) {
		withDatabase().withPropertyValues("migrate.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class);
			assertThat(output).containsOnlyOnce("migrate is disabled (migrate.enabled=false): no revision is applied "
					+ "or checked, and readiness does not wait for migrations");
		});
	}

	@Test
	void modeOffSaysWhatItMeansForReadiness(CapturedOutput output) {
		withDatabase().withPropertyValues("migrate.mode=off").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).containsOnlyOnce("migrate.mode=off: no revision is applied or checked at startup, and "
					+ "readiness does not wait for migrations");
		});
		withDatabase().run((context) -> assertThat(output).containsOnlyOnce("migrate.mode=off"));
	}

	@Test
	void modeOffLeavesReadinessAloneAndHealthSaysUnknownWhenTheStateCannotBeRead() throws IOException {
		ApplicationContextRunner withHealth = withUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/app")
			.withConfiguration(AutoConfigurations.of(MigrateHealthContributorAutoConfiguration.class));
		withHealth.run((context) -> assertThat(context).hasSingleBean(MigrationsReadinessGroupPostProcessor.class));
		withHealth.withPropertyValues("migrate.mode=off").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class);
			Health health = context.getBean(MigrationsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat((String) health.getDetails().get("error"))
				.startsWith("Could not reach the database server at jdbc:postgresql://127.0.0.1:");
		});
	}

	@Test
	void schemaWithoutCurrentSchemaOnTheApplicationUrlIsWarnedAbout(CapturedOutput output) {
		withDatabase().withPropertyValues("migrate.schema=inventory").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("migrate.schema=inventory puts the tables of the revisions in schema inventory, "
					+ "but the application's connection (" + db.url() + ") does not name it in currentSchema")
				.contains("Add ?currentSchema=inventory to spring.datasource.url");
		});
	}

	@Test
	void schemaNamedInCurrentSchemaIsNotWarnedAbout(CapturedOutput output) {
		withUrl(db.url() + "?currentSchema=inventory,public").withPropertyValues("migrate.schema=inventory")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("does not name it in currentSchema");
			});
	}

	@Test
	void severalHeadsAppliedWithTargetHeadsAreWarnedAboutWithTheMergeCommand(CapturedOutput output) {
		withDatabase().withPropertyValues("migrate.locations=classpath:revisions/branches", "migrate.schema=branches",
				"spring.datasource.url=" + db.url() + "?currentSchema=branches").run((context) -> {
					StartupMigration startup = new StartupMigration(context.getBean(Migrator.class),
							context.getBean(MigrateProperties.class), context.getBean(MigrationTracker.class));
					startup.run();
					assertThat(output).contains("Database is at several heads: 7b0000000002, 7b0000000003 "
							+ "(migrate.target=heads applies every branch)")
						.contains("--migrate.command='merge -m \"merge heads\" heads --dir "
								+ "src/main/resources/revisions/branches'")
						.contains("'migrate merge -m \"merge heads\" heads' with the CLI");
				});
	}

	@Test
	void targetIsValidatedWhenBoundNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.target=head+x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MigrateException.class)
				.hasStackTraceContaining("migrate.target")
				.hasStackTraceContaining("Target 'head+x' is not valid");
			assertThat(hasCause(context.getStartupFailure(), BindException.class)).isTrue();
		});
	}

	@Test
	void otherValuesAreValidatedWhenBoundNamingTheProperty() {
		for (String[] bad : List.of(new String[] { "migrate.locations=classpth:db/revisions", "migrate.locations" },
				new String[] { "migrate.connect-retries=-1", "migrate.connect-retries" },
				new String[] { "migrate.connect-retry-interval=-1s", "migrate.connect-retry-interval" },
				new String[] { "migrate.endpoint.timeout=0s", "migrate.endpoint.timeout" },
				new String[] { "migrate.endpoint.write-role= ", "migrate.endpoint.write-role" },
				new String[] { "migrate.instances.orders.target=head+x", "migrate.instances.<name>.target" },
				new String[] { "migrate.instances.orders.locations=classpth:db/orders",
						"migrate.instances.<name>.locations" })) {
			withDatabase().withPropertyValues(bad[0]).run((context) -> {
				assertThat(context).as(bad[0]).hasFailed();
				assertThat(hasCause(context.getStartupFailure(), BindException.class)).as(bad[0]).isTrue();
				assertThat(context.getStartupFailure()).as(bad[0]).hasStackTraceContaining(bad[1]);
			});
		}
	}

	@Test
	void connectRetriesWaitForAnUnreachableDatabaseThroughThePool(CapturedOutput output) throws IOException {
		int port = closedPort();
		withUrl("jdbc:postgresql://127.0.0.1:" + port + "/app")
			.withPropertyValues("migrate.connect-retries=2", "migrate.connect-retry-interval=10ms")
			.run((context) -> {
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.settings().connectRetries()).isEqualTo(2);
				MigrateException failure = catchThrowableOfType(MigrateException.class, migrator::current);
				assertThat(failure.code()).isEqualTo(ErrorCode.DATABASE_UNREACHABLE);
				assertThat(failure.description())
					.startsWith("Could not reach the database server at jdbc:postgresql://127.0.0.1:" + port + "/app");
				assertThat(failure.action()).contains("migrate.url (default: spring.datasource.url)",
						"migrate.connect-retries");
				assertThat(output).contains("; retry 1 of 2 in 10 ms").contains("; retry 2 of 2 in 10 ms");
			});
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
