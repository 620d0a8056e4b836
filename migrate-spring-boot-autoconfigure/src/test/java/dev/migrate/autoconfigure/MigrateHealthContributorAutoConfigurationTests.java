package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrate.autoconfigure.health.MigrationsReadinessGroupPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateHealthContributorAutoConfiguration}.
 */
class MigrateHealthContributorAutoConfigurationTests {

	private static final AutoConfigurations HEALTH_ENDPOINT_WITH_PROBES = AutoConfigurations.of(
			ApplicationAvailabilityAutoConfiguration.class, EndpointAutoConfiguration.class,
			HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
			AvailabilityProbesAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateHealthContributorAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused");

	@Test
	void indicatorIsNamedMigrationsAndOutOfServiceUntilTheStartupActionEnds() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MigrationsHealthIndicator.class);
			assertThat(context).hasBean("migrationsHealthIndicator");
			assertThat(context.getBean(MigrationsHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void indicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsHealthIndicator.class)
				.doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
	}

	@Test
	void indicatorIsRegisteredAsMigrationsAndJoinsTheReadinessGroup() {
		this.contextRunner
			.withConfiguration(HEALTH_ENDPOINT_WITH_PROBES)
			.withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				assertThat(context.getBean(HealthContributorRegistry.class).getContributor("migrations"))
					.isInstanceOf(MigrationsHealthIndicator.class);
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("migrations")).isTrue();
				assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
				assertThat(groups.get("liveness").isMember("migrations")).isFalse();
				assertThat(groups.getPrimary().isMember("migrations")).isTrue();
			});
	}

	@Test
	void probesAdditionalPathsSurviveTheReadinessWrapper() {
		this.contextRunner
			.withConfiguration(HEALTH_ENDPOINT_WITH_PROBES)
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.probes.add-additional-paths=true")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("migrations")).isTrue();
				assertThat(groups).isInstanceOf(AdditionalPathsMapper.class);
				assertThat(((AdditionalPathsMapper) groups).getAdditionalPaths(HealthEndpoint.ID,
						WebServerNamespace.SERVER))
					.contains("/readyz", "/livez");
			});
	}

	@Test
	void userConfiguredReadinessGroupStillGetsTheIndicator() {
		this.contextRunner
			.withConfiguration(HEALTH_ENDPOINT_WITH_PROBES)
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("migrations")).isTrue();
				assertThat(groups.get("readiness").isMember("diskSpace")).isFalse();
			});
	}

	@Test
	void contextStartsWithoutHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void indicatorWorksWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationsHealthIndicator.class)
				.doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
	}

}
