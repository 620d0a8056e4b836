package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.web.MigrationGateFilter;
import dev.migrate.autoconfigure.web.ReactiveMigrationGateFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateTrafficGateAutoConfiguration}.
 */
class MigrateTrafficGateAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			MigrateAutoConfiguration.class, MigrateTrafficGateAutoConfiguration.class);

	private static final String[] PROPERTIES = { "migrate.locations=classpath:revisions/basic",
			"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused" };

	@Test
	void servletApplicationGetsTheGateFilterFirst() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(PROPERTIES)
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean("migrateTrafficGateFilter",
						FilterRegistrationBean.class);
				assertThat(registration.getFilter()).isInstanceOf(MigrationGateFilter.class);
				assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
				assertThat(context).doesNotHaveBean(ReactiveMigrationGateFilter.class);
			});
	}

	@Test
	void reactiveApplicationGetsTheWebFilter() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(PROPERTIES)
			.run((context) -> assertThat(context).hasSingleBean(ReactiveMigrationGateFilter.class)
				.doesNotHaveBean("migrateTrafficGateFilter"));
	}

	@Test
	void nonWebApplicationGetsNoGate() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(PROPERTIES)
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
				.doesNotHaveBean("migrateTrafficGateFilter")
				.doesNotHaveBean(ReactiveMigrationGateFilter.class));
	}

	@Test
	void servletContextStartsWithoutSpringWebFilterSupport() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(PROPERTIES)
			.withClassLoader(new FilteredClassLoader(OncePerRequestFilter.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean("migrateTrafficGateFilter"));
	}

	@Test
	void reactiveContextStartsWithoutWebFlux() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(PROPERTIES)
			.withClassLoader(new FilteredClassLoader(WebFilter.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(ReactiveMigrationGateFilter.class));
	}

}
