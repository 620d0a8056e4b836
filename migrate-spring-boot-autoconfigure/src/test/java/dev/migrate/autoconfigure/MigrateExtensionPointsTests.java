package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;

import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.MigrationTracker.Snapshot;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the extension points of {@link MigrateAutoConfiguration}: settings customizers,
 * listener beans, the migration strategy, {@link MigrateDataSource @MigrateDataSource} and
 * {@link MigrateConnectionDetails}. Each keeps the tracker attached.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateExtensionPointsTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/unreachable";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic");

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
	}

	@AfterEach
	void downgradeToBase() {
		db.execute("DROP TABLE IF EXISTS account, migrate_version, migrate_history");
	}

	@Test
	void customizersApplyInOrderAfterTheProperties() {
		withDatabase().withPropertyValues("migrate.lock.timeout=30s")
			.withUserConfiguration(Customizers.class)
			.run((context) -> {
				MigrateSettings settings = context.getBean(Migrator.class).settings();
				assertThat(settings.instance()).isEqualTo("second");
				assertThat(settings.lockKey()).isEqualTo(42L);
				assertThat(settings.singleTransaction()).isTrue();
				assertThat(settings.lockTimeout()).hasSeconds(30);
				assertThat(settings.locations()).containsExactly("classpath:revisions/basic");
			});
	}

	@Test
	void listenerBeansHearEveryEventAndSoDoesTheTracker() {
		withDatabase().withUserConfiguration(Listeners.class).run((context) -> {
			context.getBean(Migrator.class).upgrade("heads");
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.events).filteredOn(MigrationEvent.RunStarted.class::isInstance).hasSize(1);
			assertThat(listeners.events).last().isInstanceOf(MigrationEvent.RunFinished.class);
			assertThat(listeners.events).filteredOn(MigrationEvent.RevisionFinished.class::isInstance).hasSize(2);
			MigrationTracker tracker = context.getBean(MigrationTracker.class);
			assertThat(tracker.runs(Outcome.SUCCESS)).isEqualTo(1);
			assertThat(tracker.snapshot().lastRun().applied()).containsExactly("a1b2c3d4e5f6", "b2c3d4e5f6a1");
		});
	}

	@Test
	void aFailingListenerNeitherFailsTheMigrationNorSilencesTheTracker(CapturedOutput output) {
		withDatabase().withUserConfiguration(FailingListener.class).run((context) -> {
			context.getBean(Migrator.class).upgrade("heads");
			assertThat(context.getBean(MigrationTracker.class).runs(Outcome.SUCCESS)).isEqualTo(1);
			assertThat(output).contains("MigrationListener " + FailingListener.Failing.class.getName() + " failed on LockAcquired")
				.contains("failed on RunFinished");
		});
	}

	@Test
	void strategyRunsInsteadOfTheModeAndTheTrackerFollowsIt() throws Exception {
		withDatabase().withUserConfiguration(FirstRevisionOnly.class).run((context) -> {
			MigrationTracker tracker = context.getBean(MigrationTracker.class);
			assertThat(tracker.isRefusingTraffic()).isTrue();
			context.getBean(MigrateStartupRunner.class).run(null);
			assertThat(tracker.isRefusingTraffic()).isFalse();
			Snapshot snapshot = tracker.snapshot();
			assertThat(snapshot.startupDone()).isTrue();
			assertThat(snapshot.heads()).containsExactly("a1b2c3d4e5f6");
			assertThat(snapshot.lastRun().applied()).containsExactly("a1b2c3d4e5f6");
			assertThat(tracker.applied(dev.migrate.plan.Direction.UPGRADE)).isEqualTo(1);
			assertThat(context.getBean(Migrator.class).current()).containsExactly("a1b2c3d4e5f6");
		});
	}

	@Test
	void strategyRunsInTheEagerPhase() {
		withDatabase().withPropertyValues("migrate.phase=eager")
			.withUserConfiguration(FirstRevisionOnly.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationTracker.class).snapshot().heads()).containsExactly("a1b2c3d4e5f6");
			});
	}

	@Test
	void strategyDoesNotRunWhenTheModeIsOff() throws Exception {
		withDatabase().withPropertyValues("migrate.mode=off")
			.withUserConfiguration(FirstRevisionOnly.class)
			.run((context) -> {
				context.getBean(MigrateStartupRunner.class).run(null);
				assertThat(context.getBean(Migrator.class).current()).isEmpty();
			});
	}

	@Test
	void aFailingStrategyIsRecordedAsTheStartupFailure() {
		withDatabase().withUserConfiguration(FailingStrategy.class).run((context) -> {
			MigrateStartupRunner runner = context.getBean(MigrateStartupRunner.class);
			assertThatIllegalStateException().isThrownBy(() -> runner.run(null)).withMessage("no upgrades on Fridays");
			MigrateException failure = context.getBean(MigrationTracker.class).snapshot().startupFailure();
			assertThat(failure.description()).isEqualTo(
					"The MigrationStrategy " + FailingStrategy.Failing.class.getName() + " failed: no upgrades on Fridays");
			assertThat(context.getBean(MigrationTracker.class).isRefusingTraffic()).isTrue();
		});
	}

	@Test
	void migrateDataSourceRunsMigrationsWhileTheStateIsReadOnThePrimaryOne() {
		this.contextRunner.withUserConfiguration(QualifiedDataSource.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			MigratorFactory factory = context.getBean(MigratorFactory.class);
			assertThat(factory.runsOn(migrator, context.getBean(QualifiedDataSource.class).migrations)).isTrue();
			assertThat(migrator.upgrade("heads").completed()).containsExactly("a1b2c3d4e5f6", "b2c3d4e5f6a1");
			MigrationStateReader reader = context.getBean(MigrationStateReader.class);
			assertThat(reader.reader()).isNotSameAs(migrator);
			assertThat(factory.runsOn(reader.reader(), context.getBean(QualifiedDataSource.class).application))
				.isTrue();
		});
	}

	@Test
	void migrateDataSourceAloneIsEnough() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withPropertyValues("migrate.locations=classpath:revisions/basic")
			.withUserConfiguration(OnlyQualifiedDataSource.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class);
				assertThat(context.getBean(Migrator.class).upgrade("heads").completed()).hasSize(2);
			});
	}

	@Test
	void connectionDetailsBeanReplacesTheProperties() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + UNREACHABLE, "migrate.url=" + UNREACHABLE,
					"migrate.username=nobody")
			.withBean(MigrateConnectionDetails.class, DatabaseConnectionDetails::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesMigrateConnectionDetails.class);
				assertThat(context.getBean(Migrator.class).upgrade("heads").completed()).hasSize(2);
			});
	}

	@Test
	void connectionDetailsBeanAloneIsEnough() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withPropertyValues("migrate.locations=classpath:revisions/basic")
			.withBean(MigrateConnectionDetails.class, DatabaseConnectionDetails::new)
			.run((context) -> assertThat(context.getBean(Migrator.class).current()).isEmpty());
	}

	@Test
	void usernameAloneLogsTheApplicationConnectionInAsThatUser() throws Exception {
		String role = PostgresDatabase.uniqueName("migrator");
		db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'migrator-secret'");
		db.execute("GRANT ALL ON SCHEMA public TO " + role);
		try {
			withDatabase().withPropertyValues("migrate.username=" + role, "migrate.password=migrator-secret")
				.run((context) -> {
					context.getBean(Migrator.class).upgrade("heads");
					try (Connection connection = db.connect(); Statement statement = connection.createStatement();
							ResultSet owner = statement.executeQuery(
									"SELECT tableowner FROM pg_tables WHERE tablename = 'account'")) {
						assertThat(owner.next()).isTrue();
						assertThat(owner.getString(1)).isEqualTo(role);
					}
				});
		}
		finally {
			downgradeToBase();
			db.execute("REVOKE ALL ON SCHEMA public FROM " + role);
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void applicationDefinedMigratorIsReportedAsDetached(CapturedOutput output) {
		withDatabase().withBean(Migrator.class, () -> Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations("classpath:revisions/basic").build()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("The Migrator bean was defined by the application")
					.contains("use MigrateSettingsCustomizer, MigrationListener, MigrationStrategy");
			});
	}

	@Test
	void serviceConnectionsAreAdaptedToMigrateConnectionDetails() {
		JdbcConnectionDetails jdbc = new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "compose-user";
			}

			@Override
			public String getPassword() {
				return "compose-secret";
			}

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://compose:5432/app";
			}

		};
		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(jdbc, false);
		MigrateConnectionDetails migrate = (MigrateConnectionDetails) details.get(MigrateConnectionDetails.class);
		assertThat(migrate.getJdbcUrl()).isEqualTo("jdbc:postgresql://compose:5432/app");
		assertThat(migrate.getUsername()).isEqualTo("compose-user");
		assertThat(migrate.getPassword()).isEqualTo("compose-secret");
		assertThat(migrate.getDriverClassName()).isEqualTo("org.postgresql.Driver");
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		@Order(2)
		MigrateSettingsCustomizer second() {
			return (settings) -> settings.instance("second").singleTransaction(true);
		}

		@Bean
		@Order(1)
		MigrateSettingsCustomizer first() {
			return (settings) -> settings.instance("first").lockKey(42L);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

		@Bean
		MigrationListener recordingListener() {
			return this.events::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		@Bean
		MigrationListener failingListener() {
			return new Failing();
		}

		static class Failing implements MigrationListener {

			@Override
			public void onEvent(MigrationEvent event) {
				throw new IllegalStateException("listener bug");
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FirstRevisionOnly {

		@Bean
		MigrationStrategy firstRevisionOnly() {
			return (migrator) -> migrator.upgrade("a1b2c3d4e5f6");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingStrategy {

		@Bean
		MigrationStrategy failingStrategy() {
			return new Failing();
		}

		static class Failing implements MigrationStrategy {

			@Override
			public void migrate(Migrator migrator) {
				throw new IllegalStateException("no upgrades on Fridays");
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSource {

		final DataSource application = db.dataSource("application");

		final DataSource migrations = db.dataSource("migrations");

		@Bean
		@Primary
		DataSource applicationDataSource() {
			return this.application;
		}

		@Bean
		@MigrateDataSource
		DataSource migrationDataSource() {
			return this.migrations;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OnlyQualifiedDataSource {

		@Bean
		@MigrateDataSource
		DataSource migrationDataSource() {
			return db.dataSource();
		}

	}

	static class DatabaseConnectionDetails implements MigrateConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return db.url();
		}

		@Override
		public String getUsername() {
			return db.user();
		}

		@Override
		public String getPassword() {
			return db.password();
		}

	}

}
