package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import dev.migrate.JavaRevision;

/**
 * Native-image hints that depend on the application, found while it is processed ahead of time:
 * the files of the {@code classpath:} locations of {@code migrate.locations} and of
 * {@code migrate.instances.<name>.locations} (their revision indexes included, through which a
 * native image reads them), and the classes of the {@link JavaRevision} beans, whose
 * {@link dev.migrate.RevisionInfo} annotation is read at runtime.
 */
class MigrateBeanFactoryInitializationAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<String> patterns = new LinkedHashSet<>();
		for (String location : locations(beanFactory)) {
			String pattern = RevisionLocations.pattern(location);
			if (pattern != null) {
				patterns.add(pattern);
			}
		}
		List<Class<?>> javaRevisions = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(JavaRevision.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				javaRevisions.add(type);
			}
		}
		if (patterns.isEmpty() && javaRevisions.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			RuntimeHints hints = generationContext.getRuntimeHints();
			patterns.forEach(hints.resources()::registerPattern);
			javaRevisions.forEach((type) -> hints.reflection().registerType(type));
		};
	}

	private static List<String> locations(ConfigurableListableBeanFactory beanFactory) {
		Environment environment = beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)
				? beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, Environment.class) : null;
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return List.of();
		}
		Binder binder = Binder.get(configurable);
		List<String> locations = new ArrayList<>(
				binder.bind(SpringBootVocabulary.LOCATIONS, Bindable.listOf(String.class)).orElse(List.of()));
		binder.bind(SpringBootVocabulary.INSTANCES, Bindable.mapOf(String.class, MigrateProperties.Instance.class))
			.orElse(Map.of())
			.values()
			.forEach((instance) -> locations.addAll(instance.getLocations()));
		return locations;
	}

}
