package dev.migrate.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.migrate.autoconfigure.metrics.MigrateMetrics;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Micrometer meters of migrations.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(MigrationTracker.class)
public final class MigrateMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateMetrics migrateMetrics(MigrationTracker tracker) {
		return new MigrateMetrics(tracker);
	}

	@Bean
	@Conditional(OnMigrateInstancesCondition.class)
	MeterBinder migrateInstancesMetrics(MigrateInstances instances) {
		List<MigrateMetrics> binders = instances.all()
			.stream()
			.map((instance) -> new MigrateMetrics(instance.name(), instance.tracker()))
			.toList();
		return (registry) -> binders.forEach((binder) -> binder.bindTo(registry));
	}

}
