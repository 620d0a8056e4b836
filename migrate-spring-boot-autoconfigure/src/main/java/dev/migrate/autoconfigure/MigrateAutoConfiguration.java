package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migrate.JavaRevision;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateProperties.Mode;
import dev.migrate.autoconfigure.MigrateProperties.Phase;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrate: a {@link Migrator} on the
 * application's (or a separate) data source, the progress tracker, and the startup action in
 * the {@code runner} or {@code eager} phase.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(MigrateAutoConfiguration.MigrateDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = SpringBootVocabulary.ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, MigrateInstancesConfiguration.class })
@ImportRuntimeHints(MigrateRuntimeHints.class)
public final class MigrateAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MigrateAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	MigrationTracker migrationTracker(MigrateProperties properties) {
		return new MigrationTracker(StartupMigration.runsAtStartup(properties));
	}

	@Bean
	MigratorFactory migrateMigratorFactory(MigrateProperties properties, ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader, ObjectProvider<RevisionPreload> preload) {
		InstanceBeans beans = new InstanceBeans(beanFactory, properties);
		return MigratorFactory.of(properties, beans.of(JavaRevision.class, MigrateInstance.DEFAULT, false),
				beans.of(MigrateSettingsCustomizer.class, MigrateInstance.DEFAULT, false),
				resourceLoader.getClassLoader(), preload.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(MigrateConnectionDetails.class)
	PropertiesMigrateConnectionDetails migrateConnectionDetails(MigrateProperties properties,
			ObjectProvider<JdbcConnectionDetails> application) {
		return new PropertiesMigrateConnectionDetails(properties, application.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	Migrator migrator(MigratorFactory factory, ObjectProvider<DataSource> dataSource,
			@MigrateDataSource ObjectProvider<DataSource> migrateDataSource, MigrateConnectionDetails connectionDetails,
			MigrationTracker tracker, MigrateProperties properties, ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader) {
		DataSource migrationDataSource = MigrationDataSourceResolver.resolve(migrateDataSource.getIfAvailable(),
				dataSource.getIfUnique(), connectionDetails, resourceLoader.getClassLoader());
		List<MigrationListener> others = new InstanceBeans(beanFactory, properties)
			.of(MigrationListener.class, MigrateInstance.DEFAULT, true)
			.stream()
			.filter((listener) -> listener != tracker)
			.toList();
		return factory.create(migrationDataSource, new TrackedMigrationListener(tracker, others));
	}

	@Bean
	MigrationStateReader migrationStateReader(Migrator migrator, MigratorFactory factory, MigrateProperties properties,
			ObjectProvider<DataSource> dataSource) {
		DataSource application = dataSource.getIfUnique();
		Supplier<Migrator> reader = (application != null && factory.created(migrator)
				&& !factory.runsOn(migrator, application))
				? () -> factory.create(application, MigrationListener.NONE) : () -> migrator;
		return new MigrationStateReader(migrator, reader, properties.getTarget(), properties.getEndpoint().getTimeout());
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoCommandCondition.class)
	static class StartupConfiguration {

		@Bean
		MigrateStartupRunner migrateStartupRunner(Migrator migrator, MigratorFactory factory,
				MigrateProperties properties, MigrationTracker tracker, MigrateInstances instances,
				ConfigurableApplicationContext context, Environment environment,
				ObjectProvider<JdbcConnectionDetails> connectionDetails) {
			if (properties.getMode() == Mode.OFF) {
				StartupNotices.modeOff();
			}
			JdbcConnectionDetails application = connectionDetails.getIfUnique();
			StartupNotices.schemaOutsideSearchPath(properties.getSchema(),
					(application != null) ? application.getJdbcUrl() : null);
			boolean runsHere = properties.getPhase() == Phase.RUNNER && StartupMigration.runsAtStartup(properties);
			if (runsHere) {
				warnAboutHibernateDdlAuto(properties, environment);
				warnAboutDetachedMigrator(migrator, factory);
			}
			return new MigrateStartupRunner(
					runsHere ? startups(instances, new InstanceBeans(context.getBeanFactory(), properties), migrator,
							properties, tracker) : List.of(),
					properties.isExitAfterMigrate(), context);
		}

		@Bean
		@ConditionalOnProperty(name = SpringBootVocabulary.PHASE, havingValue = "eager")
		MigrateInitializer migrateInitializer(Migrator migrator, MigratorFactory factory,
				MigrateProperties properties, MigrationTracker tracker, MigrateInstances instances,
				ListableBeanFactory beanFactory) {
			boolean runs = StartupMigration.runsAtStartup(properties);
			if (runs) {
				warnAboutDetachedMigrator(migrator, factory);
			}
			return new MigrateInitializer(
					runs ? startups(instances, new InstanceBeans(beanFactory, properties), migrator, properties, tracker)
							: List.of());
		}

		/**
		 * The startup actions of the further instances, then the default one's, each with the
		 * {@link MigrationStrategy} bean of that instance if there is one.
		 */
		private static List<StartupMigration> startups(MigrateInstances instances, InstanceBeans beans,
				Migrator migrator, MigrateProperties properties, MigrationTracker tracker) {
			List<StartupMigration> startups = new ArrayList<>();
			for (MigrateInstance instance : instances.all()) {
				startups.add(new StartupMigration(instance.name(), instance.migrator(), instance.properties(),
						instance.tracker(), beans.strategy(instance.name())));
			}
			startups.add(new StartupMigration(MigrateInstance.DEFAULT, migrator, properties, tracker,
					beans.strategy(MigrateInstance.DEFAULT)));
			return startups;
		}

		private static void warnAboutDetachedMigrator(Migrator migrator, MigratorFactory factory) {
			if (!factory.created(migrator)) {
				logger.warn("The Migrator bean was defined by the application, so the migrations endpoint, health "
						+ "indicator, metrics and traffic gate do not see its progress; instead of replacing the "
						+ "Migrator, use MigrateSettingsCustomizer, MigrationListener, MigrationStrategy, "
						+ "@MigrateDataSource or MigrateConnectionDetails beans");
			}
		}

		private static void warnAboutHibernateDdlAuto(MigrateProperties properties, Environment environment) {
			String ddlAuto = environment.getProperty("spring.jpa.hibernate.ddl-auto");
			if (ddlAuto == null || properties.getMode() == Mode.VALIDATE) {
				return;
			}
			String value = ddlAuto.strip().toLowerCase(Locale.ROOT);
			if (value.equals("validate") || value.equals("update")) {
				logger.warn("spring.jpa.hibernate.ddl-auto=" + value + " makes Hibernate "
						+ (value.equals("validate") ? "validate" : "update")
						+ " the schema during context refresh, before migrate applies pending revisions in the runner "
						+ "phase; set " + SpringBootVocabulary.PHASE + "=eager so that revisions run first");
			}
		}

	}

	/**
	 * Matches with a single {@link DataSource} candidate, a {@link MigrateDataSource
	 * @MigrateDataSource} one, a {@link MigrateConnectionDetails} bean or {@code migrate.url}.
	 * The common case, one {@code DataSource} bean that is an ordinary autowire candidate, is
	 * decided by one lookup by type; every other case by all four conditions, which read
	 * their nested classes and search every bean for the annotation.
	 */
	static final class MigrateDataSourceCondition extends SpringBootCondition implements ConfigurationCondition {

		private final AnyMigrateDataSourceCondition any = new AnyMigrateDataSourceCondition();

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			String single = (beanFactory != null) ? singleOrdinaryCandidate(beanFactory) : null;
			if (single != null) {
				return ConditionOutcome.match(ConditionMessage.forCondition(ConditionalOnSingleCandidate.class,
						"(types: " + DataSource.class.getName() + ")")
					.found("a single bean")
					.items(ConditionMessage.Style.QUOTE, single));
			}
			return this.any.getMatchOutcome(context, metadata);
		}

		/**
		 * The one {@code DataSource} bean, in this factory and its ancestors, when it is an
		 * autowire candidate and a default candidate (so {@code @ConditionalOnSingleCandidate}
		 * matches it); otherwise {@code null}, and the full conditions decide.
		 */
		private static @Nullable String singleOrdinaryCandidate(ConfigurableListableBeanFactory beanFactory) {
			String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, DataSource.class, true,
					false);
			if (names.length != 1 || !beanFactory.containsBeanDefinition(names[0])) {
				return null;
			}
			BeanDefinition definition = beanFactory.getBeanDefinition(names[0]);
			boolean defaultCandidate = !(definition instanceof AbstractBeanDefinition abstractDefinition)
					|| abstractDefinition.isDefaultCandidate();
			return (definition.isAutowireCandidate() && defaultCandidate) ? names[0] : null;
		}

	}

	/** The four ways {@link MigrateDataSourceCondition} matches, evaluated together. */
	static final class AnyMigrateDataSourceCondition extends AnyNestedCondition {

		AnyMigrateDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnSingleCandidate(DataSource.class)
		static class DataSourceBeanCondition {

		}

		@ConditionalOnProperty(name = SpringBootVocabulary.URL)
		static class MigrateUrlCondition {

		}

		@ConditionalOnBean(annotation = MigrateDataSource.class)
		static class MigrateDataSourceBeanCondition {

		}

		@ConditionalOnBean(MigrateConnectionDetails.class)
		static class MigrateConnectionDetailsCondition {

		}

	}

	/** Matches when {@code migrate.command} is not set (command mode runs instead of startup). */
	static final class NoCommandCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("migrate startup action");
			if (CommandMode.isOn(context.getEnvironment())) {
				return ConditionOutcome.noMatch(message.because(SpringBootVocabulary.COMMAND + " is set"));
			}
			return ConditionOutcome.match(message.because(SpringBootVocabulary.COMMAND + " is not set"));
		}

	}

}
