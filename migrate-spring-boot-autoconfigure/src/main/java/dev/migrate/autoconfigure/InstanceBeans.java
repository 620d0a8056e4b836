package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * The beans of an extension point that belong to one instance, in order: those whose
 * {@link ForMigrateInstance @ForMigrateInstance} names it, and those without the annotation
 * when they belong to every instance (listeners) or when the instance is the default one.
 * Fails when an annotation names no instance, so that a typo does not silently drop a bean.
 */
final class InstanceBeans {

	private final ListableBeanFactory beanFactory;

	private final Set<String> instances;

	/**
	 * @param beanFactory the bean factory
	 * @param properties the properties, whose {@code migrate.instances} keys are the further instances
	 */
	InstanceBeans(ListableBeanFactory beanFactory, MigrateProperties properties) {
		this.beanFactory = beanFactory;
		this.instances = new LinkedHashSet<>();
		this.instances.add(MigrateInstance.DEFAULT);
		this.instances.addAll(properties.getInstances().keySet());
	}

	/**
	 * The beans of a type that belong to an instance, in {@link org.springframework.core.annotation.Order order}.
	 * @param type the type
	 * @param instance the instance's name
	 * @param everyInstanceByDefault whether a bean without the annotation belongs to every
	 * instance (otherwise to the default one)
	 * @return the beans
	 * @throws MigrateException when an annotation names no instance
	 */
	<T> List<T> of(Class<T> type, String instance, boolean everyInstanceByDefault) {
		Map<Object, String> names = new IdentityHashMap<>();
		BeanFactoryUtils.beansOfTypeIncludingAncestors(this.beanFactory, type).forEach((name, bean) -> names.put(bean, name));
		List<T> beans = new ArrayList<>();
		this.beanFactory.getBeanProvider(type).orderedStream().forEach((bean) -> {
			String name = names.get(bean);
			if (belongs(type, name, instance, everyInstanceByDefault)) {
				beans.add(bean);
			}
		});
		return beans;
	}

	/**
	 * The {@link MigrationStrategy} bean of an instance.
	 * @param instance the instance's name
	 * @return the strategy, or {@code null} when the instance has none
	 * @throws MigrateException when it has several
	 */
	@Nullable MigrationStrategy strategy(String instance) {
		List<MigrationStrategy> strategies = of(MigrationStrategy.class, instance, false);
		if (strategies.size() > 1) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"Instance '" + instance + "' has " + strategies.size() + " MigrationStrategy beans ("
							+ strategies.stream().map((strategy) -> strategy.getClass().getName())
								.collect(Collectors.joining(", "))
							+ "), but runs one at startup",
					"Keep one MigrationStrategy bean per instance; one without @ForMigrateInstance is the "
							+ MigrateInstance.DEFAULT + " instance's");
		}
		return strategies.isEmpty() ? null : strategies.get(0);
	}

	private boolean belongs(Class<?> type, String bean, String instance, boolean everyInstanceByDefault) {
		ForMigrateInstance annotation = (bean != null)
				? this.beanFactory.findAnnotationOnBean(bean, ForMigrateInstance.class) : null;
		if (annotation == null) {
			return everyInstanceByDefault || MigrateInstance.DEFAULT.equals(instance);
		}
		boolean belongs = false;
		for (String name : annotation.value()) {
			if (!name.equals(ForMigrateInstance.ALL) && !this.instances.contains(name)) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The " + type.getSimpleName() + " bean '" + bean + "' is @ForMigrateInstance(\"" + name
								+ "\"), but there is no such instance; the instances are "
								+ String.join(", ", this.instances),
						"Name " + MigrateInstance.DEFAULT + " (the instance of migrate.*), a key of "
								+ SpringBootVocabulary.INSTANCES + " or " + ForMigrateInstance.ALL);
			}
			belongs |= name.equals(ForMigrateInstance.ALL) || name.equals(instance);
		}
		return belongs;
	}

}
