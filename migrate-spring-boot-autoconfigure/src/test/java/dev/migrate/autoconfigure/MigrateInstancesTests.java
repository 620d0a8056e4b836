package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code migrate.instances}: two real databases, each migrated with its own tables,
 * lock and tracker, and shown by the endpoint, health and metrics.
 */
class MigrateInstancesTests {

	@RegisterExtension
	static final PostgresDatabase orders = new PostgresDatabase();

	@RegisterExtension
	static final PostgresDatabase analytics = new PostgresDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				EndpointAutoConfiguration.class, MigrateEndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				MigrateHealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				MigrateMetricsAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic",
				"management.endpoints.web.exposure.include=migrations", "spring.datasource.url=" + orders.url(),
				"spring.datasource.username=" + orders.user(), "spring.datasource.password=" + orders.password());

	private ApplicationContextRunner withAnalyticsUrl() {
		return this.contextRunner.withPropertyValues("migrate.instances.analytics.locations=classpath:revisions/analytics",
				"migrate.instances.analytics.url=" + analytics.url(),
				"migrate.instances.analytics.username=" + analytics.user(),
				"migrate.instances.analytics.password=" + analytics.password(),
				"migrate.instances.analytics.version-table=analytics_version",
				"migrate.instances.analytics.history-table=analytics_history");
	}

	@AfterEach
	void emptyDatabases() {
		orders.execute("DROP TABLE IF EXISTS account, migrate_version, migrate_history");
		analytics.execute("DROP TABLE IF EXISTS event, analytics_version, analytics_history, "
				+ "migrate_version, migrate_history");
	}

	@Test
	void theStartupActionMigratesEveryInstanceThenTheDefaultOne() throws Exception {
		withAnalyticsUrl().run((context) -> {
			assertThat(context).hasNotFailed();
			MigrateInstance instance = context.getBean(MigrateInstances.class).find("analytics").orElseThrow();
			assertThat(instance.tracker().isRefusingTraffic()).isTrue();
			context.getBean(MigrateStartupRunner.class).run(null);
			assertThat(context.getBean(Migrator.class).current()).containsExactly("b2c3d4e5f6a1");
			assertThat(instance.migrator().current()).containsExactly("7a00aa000001");
			assertThat(instance.migrator().settings().versionTable()).isEqualTo("analytics_version");
			assertThat(instance.tracker().isRefusingTraffic()).isFalse();
			assertThat(instance.tracker().runs(Outcome.SUCCESS)).isEqualTo(1);
			assertThat(context.getBean(MigrationTracker.class).runs(Outcome.SUCCESS)).isEqualTo(1);
			assertThat(tables(analytics)).contains("event", "analytics_version").doesNotContain("account");
			assertThat(tables(orders)).contains("account", "migrate_version").doesNotContain("event");
		});
	}

	@Test
	void theEndpointListsTheInstancesAndShowsEachByName() throws Exception {
		withAnalyticsUrl().run((context) -> {
			context.getBean(MigrateStartupRunner.class).run(null);
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			MigrationsDescriptor all = endpoint.migrations();
			assertThat(all.current()).containsExactly("b2c3d4e5f6a1");
			assertThat(all.instances()).containsOnlyKeys("analytics");
			assertThat(all.instances().get("analytics").status()).isEqualTo("UP_TO_DATE");
			assertThat(all.instances().get("analytics").current()).containsExactly("7a00aa000001");
			MigrationsDescriptor one = endpoint.instance("analytics");
			assertThat(one.current()).containsExactly("7a00aa000001");
			assertThat(endpoint.instance("a1b2c3d4e5f6")).isNull();
			assertThat(endpoint.revision("a1b2c3d4e5f6").state()).isEqualTo("APPLIED");
		});
	}

	@Test
	void eachInstanceHasAHealthIndicatorAndMetricsTaggedWithItsName() throws Exception {
		withAnalyticsUrl().run((context) -> {
			CompositeHealthContributor contributor = context.getBean("migrationInstancesHealthContributor",
					CompositeHealthContributor.class);
			HealthIndicator indicator = (HealthIndicator) contributor.getContributor("analytics");
			assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			context.getBean(MigrateStartupRunner.class).run(null);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrate.runs").tags("outcome", "SUCCESS", "instance", "analytics")
				.functionCounter()
				.count()).isEqualTo(1);
			assertThat(registry.get("migrate.runs").tags("outcome", "SUCCESS", "instance", "default")
				.functionCounter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void anInstanceCanNameADataSourceBean() throws Exception {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("migrate.instances.analytics.locations=classpath:revisions/analytics",
					"migrate.instances.analytics.data-source=analyticsDataSource")
			.run((context) -> {
				context.getBean(MigrateStartupRunner.class).run(null);
				assertThat(tables(analytics)).contains("event", "migrate_version");
				assertThat(tables(orders)).contains("account").doesNotContain("event");
			});
	}

	@Test
	void withoutInstancesThereIsNoInstanceContributorAndTheEndpointListsNone() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(MigrateInstances.class).all()).isEmpty();
			assertThat(context).doesNotHaveBean("migrationInstancesHealthContributor");
			assertThat(context.getBean(MigrationsEndpoint.class).migrations().instances()).isEmpty();
		});
	}

	@Test
	void anInstanceWithoutLocationsOrDatabaseFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrate.instances.analytics.url=" + analytics.url())
			.run((context) -> assertThat(MigrateAutoConfigurationTests.migrateException(context.getStartupFailure())
				.description()).isEqualTo("migrate.instances.analytics.locations must list at least one location, but was []"));
		this.contextRunner.withPropertyValues("migrate.instances.analytics.locations=classpath:revisions/analytics")
			.run((context) -> {
				MigrateException ex = MigrateAutoConfigurationTests.migrateException(context.getStartupFailure());
				assertThat(ex.description()).isEqualTo("Instance 'analytics' has no database: neither "
						+ "migrate.instances.analytics.data-source nor migrate.instances.analytics.url is set");
			});
		this.contextRunner
			.withPropertyValues("migrate.instances.analytics.locations=classpath:revisions/analytics",
					"migrate.instances.analytics.data-source=nope")
			.run((context) -> assertThat(MigrateAutoConfigurationTests.migrateException(context.getStartupFailure())
				.description()).isEqualTo(
						"migrate.instances.analytics.data-source names 'nope', but there is no DataSource bean of that name"));
	}

	private static java.util.List<String> tables(PostgresDatabase db) throws Exception {
		java.util.List<String> tables = new java.util.ArrayList<>();
		try (java.sql.Connection connection = db.connect();
				java.sql.ResultSet rows = connection.createStatement()
					.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		@Primary
		DataSource ordersDataSource() {
			return orders.dataSource();
		}

		@Bean
		DataSource analyticsDataSource() {
			return analytics.dataSource();
		}

	}

}
