package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateProperties.Instance;

/**
 * The {@link MigrateInstances} of {@code migrate.instances.<name>.*}: for each, a migrator on
 * its own data source, with its own tables (so its own lock) and tracker. The mode, phase, lock,
 * DDL and connect-retry settings are those of the default instance. The customizers and Java
 * revisions are the beans {@link ForMigrateInstance @ForMigrateInstance} gives the instance; the
 * listeners, every listener bean that is not narrowed to other instances. Messages name the
 * instance's properties ({@link SpringBootVocabulary#instance(String)}).
 */
@Configuration(proxyBeanMethods = false)
class MigrateInstancesConfiguration {

	@Bean
	MigrateInstances migrateInstances(MigrateProperties properties, ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader) {
		List<MigrateInstance> instances = new ArrayList<>();
		InstanceBeans beans = new InstanceBeans(beanFactory, properties);
		for (Map.Entry<String, Instance> entry : properties.getInstances().entrySet()) {
			instances.add(create(entry.getKey(), entry.getValue(), properties, beanFactory, beans,
					resourceLoader.getClassLoader()));
		}
		return new MigrateInstances(instances);
	}

	private static MigrateInstance create(String name, Instance instance, MigrateProperties defaults,
			BeanFactory beanFactory, InstanceBeans beans, ClassLoader classLoader) {
		MigrateProperties properties = propertiesOf(name, instance, defaults);
		MigratorFactory factory = MigratorFactory.of(properties, SpringBootVocabulary.instance(name),
				beans.of(JavaRevision.class, name, false), beans.of(MigrateSettingsCustomizer.class, name, false),
				classLoader, null);
		MigrationTracker tracker = new MigrationTracker(StartupMigration.runsAtStartup(properties));
		List<MigrationListener> listeners = beans.of(MigrationListener.class, name, true)
			.stream()
			.filter((listener) -> !(listener instanceof MigrationTracker))
			.toList();
		Migrator migrator = factory.create(dataSourceOf(name, instance, beanFactory, classLoader),
				new TrackedMigrationListener(name, tracker, listeners));
		return new MigrateInstance(name, migrator, tracker,
				new MigrationStateReader(migrator, () -> migrator, properties.getTarget(),
						defaults.getEndpoint().getTimeout()),
				properties);
	}

	/** The instance's settings as the properties of a default instance, validated. */
	static MigrateProperties propertiesOf(String name, Instance instance, MigrateProperties defaults) {
		String prefix = "migrate.instances." + name + ".";
		if (MigrateInstance.DEFAULT.equals(name)) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					SpringBootVocabulary.INSTANCES + ".default names the default instance, which migrate.* configures",
					"Give the instance another name");
		}
		if (instance.getLocations().isEmpty()
				|| instance.getLocations().stream().anyMatch((location) -> location == null || location.isBlank())) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					prefix + "locations must list at least one location, but was " + instance.getLocations(),
					"Set " + prefix + "locations, such as classpath:db/" + name);
		}
		MigrateProperties properties = new MigrateProperties();
		properties.setMode(defaults.getMode());
		properties.setPhase(defaults.getPhase());
		properties.setValidateChecksums(defaults.isValidateChecksums());
		properties.setAllowUnknownRevisions(defaults.isAllowUnknownRevisions());
		properties.getLock().setTimeout(defaults.getLock().getTimeout());
		properties.getDdl().setLockTimeout(defaults.getDdl().getLockTimeout());
		properties.getDdl().setLockRetries(defaults.getDdl().getLockRetries());
		properties.setCommand(defaults.getCommand());
		properties.setConnectRetries(defaults.getConnectRetries());
		properties.setConnectRetryInterval(defaults.getConnectRetryInterval());
		try {
			properties.setLocations(instance.getLocations());
			properties.setTarget(instance.getTarget());
			properties.setSchema(instance.getSchema());
			properties.setVersionTable(instance.getVersionTable());
			properties.setHistoryTable(instance.getHistoryTable());
		}
		catch (IllegalArgumentException ex) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					ex.getMessage().replace("migrate.", prefix) + " (instance '" + name + "')",
					"Fix the property under " + prefix, ex);
		}
		return properties;
	}

	private static DataSource dataSourceOf(String name, Instance instance, BeanFactory beanFactory,
			ClassLoader classLoader) {
		String prefix = "migrate.instances." + name + ".";
		String bean = instance.getDataSource();
		if (bean != null && !bean.isBlank()) {
			try {
				return beanFactory.getBean(bean, DataSource.class);
			}
			catch (NoSuchBeanDefinitionException ex) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						prefix + "data-source names '" + bean + "', but there is no DataSource bean of that name",
						"Name one of the application's DataSource beans, or set " + prefix + "url instead", ex);
			}
		}
		String url = instance.getUrl();
		if (url == null || url.isBlank()) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"Instance '" + name + "' has no database: neither " + prefix + "data-source nor " + prefix
							+ "url is set",
					"Set " + prefix + "data-source to a DataSource bean's name, or " + prefix + "url");
		}
		return DataSourceBuilder.create(classLoader)
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(instance.getUsername())
			.password(instance.getPassword())
			.build();
	}

}
