package dev.migrate.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandEnvironmentPostProcessorTests {

	private final MigrateCommandEnvironmentPostProcessor postProcessor = new MigrateCommandEnvironmentPostProcessor();

	@Test
	void commandModeIsNotAWebApplicationAndChangesNoSchemaOnItsOwn() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "downgrade -1")
			.withProperty("spring.main.web-application-type", "servlet")
			.withProperty("spring.jpa.hibernate.ddl-auto", "update");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
		assertThat(environment.getProperty("spring.sql.init.mode")).isEqualTo("never");
	}

	@Test
	void withoutCommandOrWhenDisabledNothingChanges() {
		MockEnvironment blank = new MockEnvironment().withProperty("migrate.command", "  ");
		this.postProcessor.postProcessEnvironment(blank, new SpringApplication());
		assertThat(blank.getPropertySources().contains(MigrateCommandEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		MockEnvironment disabled = new MockEnvironment().withProperty("migrate.command", "current")
			.withProperty("migrate.enabled", "false");
		this.postProcessor.postProcessEnvironment(disabled, new SpringApplication());
		assertThat(disabled.getProperty("spring.main.web-application-type")).isNull();
	}

}
