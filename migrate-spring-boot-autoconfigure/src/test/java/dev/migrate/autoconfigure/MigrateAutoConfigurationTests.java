package dev.migrate.autoconfigure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrationResult;
import dev.migrate.Migrator;
import dev.migrate.RevisionInfo;
import dev.migrate.autoconfigure.MigrateProperties.Mode;
import dev.migrate.autoconfigure.MigrateProperties.Phase;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrate.autoconfigure.metrics.MigrateMetrics;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link MigrateAutoConfiguration}: conditions, properties and the beans they create.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateAutoConfigurationTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic");

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withPropertyValues("migrate.locations=classpath:revisions/basic")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationTracker.class)
				.doesNotHaveBean(MigrateProperties.class));
	}

	private static ApplicationContextRunner withoutDataSourceAutoConfiguration(Class<?> dataSources) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withUserConfiguration(dataSources)
			.withPropertyValues("migrate.locations=classpath:revisions/basic");
	}

	@Test
	void backsOffWithTwoDataSourcesAndNoPrimary() {
		withoutDataSourceAutoConfiguration(TwoDataSources.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
	}

	@Test
	void matchesASingleDataSourceByOneLookup() {
		withoutDataSourceAutoConfiguration(OneDataSource.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				ConditionAndOutcomes outcomes = ConditionEvaluationReport.get(context.getBeanFactory())
					.getConditionAndOutcomesBySource()
					.get(MigrateAutoConfiguration.class.getName());
				assertThat(outcomes).extracting((each) -> each.getOutcome().getMessage())
					.contains("@ConditionalOnSingleCandidate (types: javax.sql.DataSource) found a single bean "
							+ "'dataSource'");
			});
	}

	@Test
	void backsOffWithASingleDataSourceThatIsNotADefaultCandidate() {
		withoutDataSourceAutoConfiguration(NonDefaultDataSource.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
	}

	@Test
	void matchesThePrimaryOfSeveralDataSources() {
		withoutDataSourceAutoConfiguration(TwoDataSources.class)
			.withBean("primary", DataSource.class, HikariDataSource::new, (definition) -> definition.setPrimary(true))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class));
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("migrate.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrateStartupRunner.class));
	}

	@Test
	void createsMigratorAndRunnerWithDataSource() {
		withDatabase().run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class)
				.hasSingleBean(MigrationTracker.class)
				.hasSingleBean(MigrateStartupRunner.class)
				.doesNotHaveBean(MigrateInitializer.class);
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.graph().heads()).containsExactly("b2c3d4e5f6a1");
			assertThat(migrator.settings().locations()).containsExactly("classpath:revisions/basic");
			assertThat(context.getBean(MigrationTracker.class).isRefusingTraffic()).isTrue();
		});
	}

	@Test
	void defaultsMatchTheSpecification() {
		withDatabase().run((context) -> {
			MigrateProperties properties = context.getBean(MigrateProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getMode()).isEqualTo(Mode.UPGRADE);
			assertThat(properties.getPhase()).isEqualTo(Phase.RUNNER);
			assertThat(properties.getTarget()).isEqualTo("heads");
			assertThat(properties.getSchema()).isNull();
			assertThat(properties.getVersionTable()).isEqualTo("migrate_version");
			assertThat(properties.getHistoryTable()).isEqualTo("migrate_history");
			assertThat(properties.getLock().getTimeout()).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.getDdl().getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getDdl().getLockRetries()).isEqualTo(10);
			assertThat(properties.isValidateChecksums()).isTrue();
			assertThat(properties.isAllowUnknownRevisions()).isFalse();
			assertThat(properties.isExitAfterMigrate()).isFalse();
			assertThat(properties.getCommand()).isNull();
			assertThat(new MigrateProperties().getLocations()).containsExactly("classpath:db/revisions");
		});
	}

	@Test
	void mapsEveryPropertyToTheSettings() {
		withDatabase()
			.withPropertyValues("migrate.schema=audit", "migrate.version-table=alembic_version",
					"migrate.history-table=alembic_history", "migrate.lock.timeout=30", "migrate.ddl.lock-timeout=2s",
					"migrate.ddl.lock-retries=3", "migrate.validate-checksums=false",
					"migrate.allow-unknown-revisions=true")
			.run((context) -> {
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.settings().schema()).isEqualTo("audit");
				assertThat(migrator.settings().versionTable()).isEqualTo("alembic_version");
				assertThat(migrator.settings().historyTable()).isEqualTo("alembic_history");
				assertThat(migrator.settings().lockTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(migrator.settings().ddlLockTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(migrator.settings().ddlLockRetries()).isEqualTo(3);
				assertThat(migrator.settings().validateChecksums()).isFalse();
				assertThat(migrator.settings().allowUnknownRevisions()).isTrue();
				assertThat(migrator.settings().vocabulary()).isSameAs(SpringBootVocabulary.INSTANCE);
			});
	}

	@Test
	void failuresNameThePropertiesAndCommandMode(@TempDir Path revisions) throws Exception {
		Files.writeString(revisions.resolve("a1_create_note.sql"), "-- revision: a1\n-- down_revision:\n\n"
				+ "-- upgrade\nCREATE TABLE vocab_note (id int);\n\n-- downgrade\nDROP TABLE vocab_note;\n");
		ApplicationContextRunner runner = withDatabase().withPropertyValues("migrate.locations=filesystem:" + revisions,
				"migrate.version-table=vocab_version", "migrate.history-table=vocab_history", "migrate.lock.timeout=1s");
		runner.run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + lockKey("public.vocab_version") + ")");
				MigrateException ex = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
				assertThat(ex.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
				assertThat(ex.description()).contains(" within 1 s (waited ");
				assertThat(ex.action()).endsWith(". Or raise migrate.lock.timeout");
			}
			migrator.upgrade("heads");
		});
		Files.writeString(revisions.resolve("a1_create_note.sql"), "-- revision: a1\n-- down_revision:\n\n"
				+ "-- upgrade\nCREATE TABLE vocab_note (id bigint);\n\n-- downgrade\nDROP TABLE vocab_note;\n");
		runner.run((context) -> {
			MigrateException ex = catchThrowableOfType(MigrateException.class,
					() -> context.getBean(Migrator.class).upgrade("heads"));
			assertThat(ex.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
			assertThat(ex.action()).endsWith(" accept the new checksum with --migrate.command=\"accept-checksum a1\", "
					+ "or turn the check off with migrate.validate-checksums=false");
		});
		db.execute("DROP TABLE vocab_note, vocab_version, vocab_history");
	}

	/** The documented advisory lock key: the first 8 bytes of SHA-256 of {@code <schema>.<version table>}. */
	private static long lockKey(String table) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(table.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(digest, 0, 8).getLong();
	}

	@Test
	void eagerPhaseRegistersTheInitializerAsADatabaseInitializer() {
		withDatabase()
			.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("migrate.phase=eager", "migrate.mode=off")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateInitializer.class).hasSingleBean(MigrateStartupRunner.class);
				String[] dependsOn = context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn();
				assertThat(dependsOn).contains("migrateInitializer");
			});
	}

	@Test
	void commandModeStandsAside() {
		withDatabase().withPropertyValues("migrate.command=downgrade -1", "migrate.phase=eager")
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class)
					.doesNotHaveBean(MigrateStartupRunner.class)
					.doesNotHaveBean(MigrateInitializer.class);
				assertThat(context.getBean(MigrationTracker.class).isRefusingTraffic()).isFalse();
			});
	}

	@Test
	void offModeDoesNotRefuseTraffic() {
		withDatabase().withPropertyValues("migrate.mode=off")
			.run((context) -> assertThat(context.getBean(MigrationTracker.class).isRefusingTraffic()).isFalse());
	}

	@Test
	void userDefinedMigratorWins() {
		withDatabase().withUserConfiguration(UserMigrator.class)
			.run((context) -> assertThat(context.getBean(Migrator.class))
				.isSameAs(context.getBean(UserMigrator.class).migrator));
	}

	@Test
	void javaRevisionBeansReachTheMigratorInOrder() {
		withDatabase().withUserConfiguration(JavaRevisions.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.graph().contains("c3java000001")).isTrue();
			assertThat(migrator.graph().contains("c3java000002")).isTrue();
			assertThat(migrator.graph().heads()).containsExactly("c3java000002");
			assertThat(migrator.settings().javaRevisions()).extracting((revision) -> (Object) revision.getClass())
				.containsExactly(SecondJavaRevision.class, ThirdJavaRevision.class);
		});
	}

	@Test
	void separateUrlIsUsedForMigrationsWhileTheApplicationPoolStays() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable",
					"spring.datasource.username=app", "spring.datasource.password=app-secret",
					"migrate.url=" + db.url(), "migrate.username=" + db.user(), "migrate.password=" + db.password())
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
				MigrationResult result = context.getBean(Migrator.class).upgrade("heads");
				assertThat(result.completed()).containsExactly("a1b2c3d4e5f6", "b2c3d4e5f6a1");
				try (Connection connection = db.connect()) {
					assertThat(connection.createStatement().executeQuery("SELECT count(*) FROM account").next())
						.isTrue();
				}
				context.getBean(Migrator.class).downgrade("base");
			});
	}

	@Test
	void separateUrlWorksWithoutAnApplicationDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withPropertyValues("migrate.locations=classpath:revisions/basic", "migrate.url=" + db.url(),
					"migrate.username=" + db.user(), "migrate.password=" + db.password())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DataSource.class).hasSingleBean(Migrator.class);
				assertThat(context.getBean(Migrator.class).current()).isEmpty();
				assertThat(context.getBean(MigrationStateReader.class).status().pending()).hasSize(2);
			});
	}

	@Test
	void unknownModeFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.mode=sideways").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isNotNull();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("migrate.mode")
				.hasStackTraceContaining("sideways");
			assertThat(hasCause(context.getStartupFailure(), BindException.class)).isTrue();
		});
	}

	@Test
	void unknownPhaseFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.phase=later")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrate.phase"));
	}

	@Test
	void negativeLockTimeoutFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.lock.timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrate.lock.timeout")
				.hasStackTraceContaining("must be zero or more"));
	}

	@Test
	void negativeDdlLockTimeoutFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.ddl.lock-timeout=-5s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrate.ddl.lock-timeout"));
	}

	@Test
	void negativeDdlLockRetriesFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.ddl.lock-retries=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrate.ddl.lock-retries"));
	}

	@Test
	void emptyVersionTableFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.version-table=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrate.version-table"));
	}

	@Test
	void sameVersionAndHistoryTableFailsNamingTheProperties() {
		withDatabase().withPropertyValues("migrate.version-table=state", "migrate.history-table=state")
			.run((context) -> {
				assertThat(context).hasFailed();
				MigrateException ex = migrateException(context.getStartupFailure());
				assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION);
				assertThat(ex.description()).isEqualTo(
						"The settings migrate.version-table and migrate.history-table both name the table 'state'");
				assertThat(ex.action()).isEqualTo(
						"Give the history table a different name with migrate.history-table (default migrate_history)");
			});
	}

	@Test
	void unreadableLocationFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrate.locations=classpath:nope").run((context) -> {
			assertThat(context).hasFailed();
			MigrateException ex = migrateException(context.getStartupFailure());
			assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION);
			assertThat(ex.description()).contains("classpath:nope").contains("migrate.locations");
			assertThat(ex.action()).isEqualTo("Create the directory src/main/resources/nope, or set migrate.locations to "
					+ "where the revisions are (in a jar, the directory needs its own entry, which Maven, Gradle and "
					+ "Spring Boot jars have)");
		});
	}

	@Test
	void missingDefaultLocationFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/revisions", "spring.datasource.url=" + db.url())
			.run((context) -> {
				MigrateException ex = migrateException(context.getStartupFailure());
				assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION);
				assertThat(ex.getMessage()).contains("migrate.locations");
			});
	}

	@Test
	void warnsAboutHibernateDdlAutoValidateInRunnerPhase(CapturedOutput output) {
		withDatabase().withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("spring.jpa.hibernate.ddl-auto=validate").contains("migrate.phase=eager");
		});
	}

	@Test
	void doesNotWarnAboutHibernateDdlAutoInEagerPhase(CapturedOutput output) {
		withDatabase().withPropertyValues("spring.jpa.hibernate.ddl-auto=update", "migrate.phase=eager",
				"migrate.mode=off")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("spring.jpa.hibernate.ddl-auto=update");
			});
	}

	@Test
	void startsWithoutActuatorHealthMicrometerAndWeb() {
		withDatabase()
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health",
					"io.micrometer", "org.springframework.web", "jakarta.servlet"))
			.withConfiguration(AutoConfigurations.of(MigrateEndpointAutoConfiguration.class,
					MigrateHealthContributorAutoConfiguration.class, MigrateMetricsAutoConfiguration.class,
					MigrateTrafficGateAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.hasSingleBean(MigrateStartupRunner.class)
				.doesNotHaveBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsHealthIndicator.class)
				.doesNotHaveBean(MigrateMetrics.class));
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	static MigrateException migrateException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrateException ex) {
				return ex;
			}
		}
		throw new AssertionError("No MigrateException in the cause chain of " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		DataSource first() {
			return new HikariDataSource();
		}

		@Bean
		DataSource second() {
			return new HikariDataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneDataSource {

		@Bean
		DataSource dataSource() {
			return new HikariDataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonDefaultDataSource {

		@Bean(defaultCandidate = false)
		DataSource dataSource() {
			return new HikariDataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigrator {

		final Migrator migrator = Migrator.create(new HikariDataSource(),
				dev.migrate.MigrateSettings.builder().locations("classpath:revisions/basic").build());

		@Bean
		Migrator userMigrator() {
			return this.migrator;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JavaRevisions {

		@Bean
		@Order(2)
		ThirdJavaRevision third() {
			return new ThirdJavaRevision();
		}

		@Bean
		@Order(1)
		SecondJavaRevision second() {
			return new SecondJavaRevision();
		}

	}

	@RevisionInfo(id = "c3java000001", downRevision = "b2c3d4e5f6a1", message = "java backfill")
	static class SecondJavaRevision implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	@RevisionInfo(id = "c3java000002", downRevision = "c3java000001", message = "another java revision")
	static class ThirdJavaRevision implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

}
