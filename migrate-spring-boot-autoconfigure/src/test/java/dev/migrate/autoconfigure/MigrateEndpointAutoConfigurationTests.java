package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateEndpointAutoConfiguration}.
 */
class MigrateEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				EndpointAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused");

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
			.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenMigrateBacksOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void contextStartsWithoutActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateEndpointAutoConfiguration.class))
			.withPropertyValues("migrate.locations=classpath:revisions/basic",
					"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

}
