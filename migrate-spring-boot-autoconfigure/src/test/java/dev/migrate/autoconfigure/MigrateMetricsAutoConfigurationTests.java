package dev.migrate.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.metrics.MigrateMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateMetricsAutoConfiguration}.
 */
class MigrateMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateMetricsAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused");

	@Test
	void metersAreBoundToTheRegistry() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("migrate.runs").tag("outcome", "SUCCESS").functionCounter()).isNotNull();
				assertThat(registry.find("migrate.revisions.applied").tag("direction", "upgrade").functionCounter())
					.isNotNull();
				assertThat(registry.find("migrate.revision.duration")
					.tags("direction", "upgrade", "outcome", "FAILURE")
					.functionTimer()).isNotNull();
				assertThat(registry.find("migrate.pending").gauge()).isNotNull();
				assertThat(registry.find("migrate.lock.wait").functionTimer()).isNotNull();
			});
	}

	@Test
	void contextStartsWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrateMetrics.class));
	}

}
