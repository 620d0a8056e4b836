package dev.migrate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.migrate.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrate.autoconfigure.health.MigrationsReadinessGroupPostProcessor;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrations} health
 * indicator (disabled with {@code management.health.migrations.enabled=false}), added to the
 * {@code readiness} group unless {@code migrate.mode=off}; with {@code migrate.instances}, a
 * {@code migrationInstances} contributor with one indicator per instance, also in the
 * {@code readiness} group.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MigrationStateReader.class)
public final class MigrateHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("migrations")
	MigrationsHealthIndicator migrationsHealthIndicator(MigrationTracker tracker, MigrationStateReader reader) {
		return new MigrationsHealthIndicator(tracker, reader);
	}

	@Bean
	@ConditionalOnMissingBean(name = "migrationInstancesHealthContributor")
	@ConditionalOnEnabledHealthIndicator("migrations")
	@Conditional(OnMigrateInstancesCondition.class)
	HealthContributor migrationInstancesHealthContributor(MigrateInstances instances) {
		Map<String, HealthContributor> indicators = new LinkedHashMap<>();
		for (MigrateInstance instance : instances.all()) {
			indicators.put(instance.name(), new MigrationsHealthIndicator(instance.tracker(), instance.reader()));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthEndpointGroupsPostProcessor.class, SecurityContext.class })
	@Conditional(ModeNotOffCondition.class)
	static class ReadinessGroupConfiguration {

		@Bean
		@ConditionalOnEnabledHealthIndicator("migrations")
		MigrationsReadinessGroupPostProcessor migrationsReadinessGroupPostProcessor() {
			return new MigrationsReadinessGroupPostProcessor();
		}

	}

}
