package dev.migrate.autoconfigure;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jmx.JmxEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.RevisionInfo;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the extension points with {@code migrate.instances}: customizers, Java revisions and
 * the strategy belong to the default instance unless {@link ForMigrateInstance @ForMigrateInstance}
 * says otherwise, listeners hear every instance, messages name the instance's properties, and
 * JMX shows one instance. Two real databases.
 */
class MigrateInstancesExtensionPointsTests {

	@RegisterExtension
	static final PostgresDatabase orders = new PostgresDatabase();

	@RegisterExtension
	static final PostgresDatabase analytics = new PostgresDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic", "spring.datasource.url=" + orders.url(),
				"spring.datasource.username=" + orders.user(), "spring.datasource.password=" + orders.password(),
				"migrate.instances.analytics.locations=classpath:revisions/analytics",
				"migrate.instances.analytics.url=" + analytics.url(),
				"migrate.instances.analytics.username=" + analytics.user(),
				"migrate.instances.analytics.password=" + analytics.password());

	@AfterEach
	void emptyDatabases() {
		orders.execute("DROP TABLE IF EXISTS account, migrate_version, migrate_history");
		analytics.execute("DROP TABLE IF EXISTS event, event_archive, migrate_version, migrate_history");
	}

	@Test
	void customizersBelongToTheDefaultInstanceUnlessTheyNameOthers() {
		this.contextRunner.withUserConfiguration(Customizers.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Migrator orders = context.getBean(Migrator.class);
			Migrator analytics = analyticsMigrator(context.getBean(MigrateInstances.class));
			assertThat(orders.settings().lockKey()).isEqualTo(1L);
			assertThat(analytics.settings().lockKey()).isEqualTo(2L);
			assertThat(orders.settings().instance()).isEqualTo("every-instance");
			assertThat(analytics.settings().instance()).isEqualTo("every-instance");
			assertThat(analytics.settings().locations()).containsExactly("classpath:revisions/analytics");
		});
	}

	@Test
	void aJavaRevisionForAnInstanceRunsThereOnly() throws Exception {
		this.contextRunner.withUserConfiguration(AnalyticsJavaRevision.class).run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(MigrateStartupRunner.class).run(null);
			assertThat(analyticsMigrator(context.getBean(MigrateInstances.class)).current())
				.containsExactly("7a00java0002");
			assertThat(context.getBean(Migrator.class).current()).containsExactly("b2c3d4e5f6a1");
			assertThat(context.getBean(Migrator.class).graph().find("7a00java0002")).isEmpty();
			assertThat(tables(analytics)).contains("event_archive");
			assertThat(tables(orders)).doesNotContain("event_archive");
		});
	}

	@Test
	void listenersHearEveryInstanceAndCanBeToldWhichOrNarrowedToOne() throws Exception {
		this.contextRunner.withUserConfiguration(Listeners.class).run((context) -> {
			context.getBean(MigrateStartupRunner.class).run(null);
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.named).filteredOn((event) -> event.endsWith("RunFinished"))
				.containsExactly("analytics RunFinished", "default RunFinished");
			assertThat(listeners.plain).filteredOn(MigrationEvent.RunFinished.class::isInstance).hasSize(2);
			assertThat(listeners.analyticsOnly).filteredOn(MigrationEvent.RevisionFinished.class::isInstance)
				.singleElement()
				.satisfies((event) -> assertThat(((MigrationEvent.RevisionFinished) event).step().revision().id())
					.isEqualTo("7a00aa000001"));
			MigrateInstance instance = context.getBean(MigrateInstances.class).find("analytics").orElseThrow();
			assertThat(instance.tracker().runs(MigrationTracker.Outcome.SUCCESS)).isEqualTo(1);
		});
	}

	@Test
	void aStrategyForAnInstanceReplacesItsModeOnly() throws Exception {
		this.contextRunner.withUserConfiguration(AnalyticsStrategy.class).run((context) -> {
			context.getBean(MigrateStartupRunner.class).run(null);
			MigrateInstance instance = context.getBean(MigrateInstances.class).find("analytics").orElseThrow();
			assertThat(instance.migrator().current()).isEmpty();
			assertThat(context.getBean(AnalyticsStrategy.class).ran).containsExactly(instance.migrator());
			assertThat(instance.tracker().snapshot().startupDone()).isTrue();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("b2c3d4e5f6a1");
		});
	}

	@Test
	void twoStrategiesForOneInstanceFailStartup() {
		this.contextRunner.withUserConfiguration(AnalyticsStrategy.class, SecondAnalyticsStrategy.class)
			.run((context) -> {
				MigrateException ex = MigrateAutoConfigurationTests.migrateException(context.getStartupFailure());
				assertThat(ex.description()).startsWith("Instance 'analytics' has 2 MigrationStrategy beans (")
					.endsWith("), but runs one at startup");
			});
	}

	@Test
	void anAnnotationNamingNoInstanceFailsStartup() {
		this.contextRunner.withUserConfiguration(MisspelledInstance.class).run((context) -> {
			MigrateException ex = MigrateAutoConfigurationTests.migrateException(context.getStartupFailure());
			assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION);
			assertThat(ex.description()).isEqualTo("The MigrateSettingsCustomizer bean 'misspelled' is "
					+ "@ForMigrateInstance(\"analytcs\"), but there is no such instance; the instances are default, "
					+ "analytics");
		});
	}

	@Test
	void aMissingLocationOfAnInstanceIsNamedByTheInstancesProperty() {
		this.contextRunner.withPropertyValues("migrate.instances.analytics.locations=classpath:revisions/nowhere")
			.run((context) -> {
				MigrateException ex = MigrateAutoConfigurationTests.migrateException(context.getStartupFailure());
				assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION);
				assertThat(ex.description()).isEqualTo("Revision location 'classpath:revisions/nowhere' does not exist "
						+ "(migrate.instances.analytics.locations = classpath:revisions/nowhere)");
				assertThat(ex.action()).contains("or set migrate.instances.analytics.locations to where the revisions are")
					.doesNotContain("migrate.locations");
			});
	}

	@Test
	void anInstancesAdviceNamesItsPropertiesAndItsMigrator() {
		dev.migrate.Vocabulary vocabulary = SpringBootVocabulary.instance("analytics");
		assertThat(vocabulary.setting(dev.migrate.Vocabulary.Setting.VERSION_TABLE))
			.isEqualTo("migrate.instances.analytics.version-table");
		assertThat(vocabulary.setting(dev.migrate.Vocabulary.Setting.LOCK_TIMEOUT)).isEqualTo("migrate.lock.timeout");
		assertThat(vocabulary.command(dev.migrate.Vocabulary.Command.acceptChecksums(List.of("ae10"))))
			.isEqualTo("MigrateInstances.find(\"analytics\").orElseThrow().migrator().acceptChecksums(List.of(\"ae10\"))");
		assertThat(SpringBootVocabulary.instance(MigrateInstance.DEFAULT)).isSameAs(SpringBootVocabulary.INSTANCE);
	}

	@Test
	@SuppressWarnings("unchecked")
	void jmxShowsOneInstanceByName() throws Exception {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(JmxAutoConfiguration.class, EndpointAutoConfiguration.class,
					JmxEndpointAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
			.withPropertyValues("spring.jmx.enabled=true", "spring.jmx.unique-names=true",
					"management.endpoints.jmx.exposure.include=migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MigrateStartupRunner.class).run(null);
				MBeanServer server = ManagementFactory.getPlatformMBeanServer();
				Set<ObjectName> names = server.queryNames(new ObjectName("*:type=Endpoint,name=Migrations,*"), null);
				assertThat(names).hasSize(1);
				ObjectName name = names.iterator().next();
				Map<String, Object> instance = (Map<String, Object>) server.invoke(name, "instance",
						new Object[] { "analytics" }, new String[] { String.class.getName() });
				assertThat(instance).containsEntry("status", "UP_TO_DATE");
				assertThat((List<String>) instance.get("current")).containsExactly("7a00aa000001");
				assertThat(server.invoke(name, "instance", new Object[] { "nope" },
						new String[] { String.class.getName() }))
					.isNull();
			});
	}

	private static Migrator analyticsMigrator(MigrateInstances instances) {
		return instances.find("analytics").orElseThrow().migrator();
	}

	private static List<String> tables(PostgresDatabase db) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = db.connect();
				java.sql.ResultSet rows = connection.createStatement()
					.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		MigrateSettingsCustomizer defaultLockKey() {
			return (settings) -> settings.lockKey(1L);
		}

		@Bean
		@ForMigrateInstance("analytics")
		MigrateSettingsCustomizer analyticsLockKey() {
			return (settings) -> settings.lockKey(2L);
		}

		@Bean
		@ForMigrateInstance(ForMigrateInstance.ALL)
		MigrateSettingsCustomizer everyInstance() {
			return (settings) -> settings.instance("every-instance");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnalyticsJavaRevision {

		@Bean
		@ForMigrateInstance("analytics")
		JavaRevision archiveTable() {
			return new ArchiveTable();
		}

		@RevisionInfo(id = "7a00java0002", downRevision = "7a00aa000001", message = "archive table")
		static class ArchiveTable implements JavaRevision {

			@Override
			public void upgrade(Connection connection) throws Exception {
				connection.createStatement().execute("CREATE TABLE event_archive (id bigint PRIMARY KEY)");
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final List<String> named = new CopyOnWriteArrayList<>();

		final List<MigrationEvent> plain = new CopyOnWriteArrayList<>();

		final List<MigrationEvent> analyticsOnly = new CopyOnWriteArrayList<>();

		@Bean
		InstanceMigrationListener namedListener() {
			return (instance, event) -> this.named.add(instance + " " + event.getClass().getSimpleName());
		}

		@Bean
		MigrationListener plainListener() {
			return this.plain::add;
		}

		@Bean
		@ForMigrateInstance("analytics")
		MigrationListener analyticsListener() {
			return this.analyticsOnly::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnalyticsStrategy {

		final List<Migrator> ran = new CopyOnWriteArrayList<>();

		@Bean
		@ForMigrateInstance("analytics")
		MigrationStrategy analyticsStrategy() {
			return this.ran::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondAnalyticsStrategy {

		@Bean
		@ForMigrateInstance({ "analytics", MigrateInstance.DEFAULT })
		MigrationStrategy secondStrategy() {
			return (migrator) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MisspelledInstance {

		@Bean
		@ForMigrateInstance("analytcs")
		MigrateSettingsCustomizer misspelled() {
			return (settings) -> settings.lockKey(3L);
		}

	}

}
