package dev.migrate.autoconfigure.boot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full boots with {@code migrate.mode=await}: the application never migrates, stays not ready
 * until another migrator brings the database to the target, and times out clearly.
 */
class AwaitModeBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void timesOutClearlyWhenNobodyMigrates() {
		SpringApplication application = new SpringApplication(TestApplication.class);
		Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> application.run(Boot.arguments(db,
				"migrate.locations=classpath:revisions/pending", "migrate.mode=await", "migrate.lock.timeout=2s",
				"migrate.version-table=timeout_version", "migrate.history-table=timeout_history",
				"spring.main.web-application-type=none")));
		MigrateException ex = ValidateModeBootTests.findMigrateException(failure);
		assertThat(ex.code()).isEqualTo(ErrorCode.AWAIT_TIMEOUT);
		assertThat(ex.description()).contains("migrate.lock.timeout").contains("2 revision(s) pending");
	}

	@Test
	void becomesReadyWhenAnotherMigratorFinishes() throws Exception {
		Boot.Started started = Boot.start(new SpringApplication(TestApplication.class),
				Boot.arguments(db, "migrate.locations=classpath:revisions/basic", "migrate.mode=await",
						"management.endpoints.web.exposure.include=health,migrations",
						"management.endpoint.health.probes.enabled=true"));
		int port = started.awaitPort();
		Thread.sleep(1500);
		assertThat(started.context()).isNotDone();
		assertThat(Boot.get(port, "/hello").statusCode()).isEqualTo(503);
		assertThat(Boot.get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("status").asString()).isEqualTo("PENDING");

		Migrator other = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations("classpath:revisions/basic").build());
		other.upgrade("heads");

		ConfigurableApplicationContext context = awaitContext(started.context());
		try {
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(Boot.get(port, "/hello").statusCode()).isEqualTo(200);
			assertThat(Boot.get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(context.getBean(Migrator.class).history()).allSatisfy(
					(entry) -> assertThat(entry.instance()).isEqualTo(other.settings().instance()));
		}
		finally {
			context.close();
		}
	}

	private static ConfigurableApplicationContext awaitContext(CompletableFuture<ConfigurableApplicationContext> future)
			throws Exception {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("The application failed to start", ex.getCause());
		}
	}

}
