package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExitAfterMigrateEnvironmentPostProcessor}.
 */
class ExitAfterMigrateEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void exitAfterMigrateMakesTheApplicationNonWeb() {
		this.environment.setProperty("migrate.exit-after-migrate", "true");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void explicitWebApplicationTypeWins() {
		this.environment.setProperty("migrate.exit-after-migrate", "true");
		this.environment.setProperty("spring.main.web-application-type", "servlet");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
	}

	@Test
	void leavesOtherApplicationsAlone() {
		postProcess();
		assertThat(this.environment.containsProperty("spring.main.web-application-type")).isFalse();
		this.environment.setProperty("migrate.exit-after-migrate", "true");
		this.environment.setProperty("migrate.enabled", "false");
		postProcess();
		assertThat(this.environment.containsProperty("spring.main.web-application-type")).isFalse();
	}

	private void postProcess() {
		new ExitAfterMigrateEnvironmentPostProcessor().postProcessEnvironment(this.environment,
				new SpringApplication());
	}

}
