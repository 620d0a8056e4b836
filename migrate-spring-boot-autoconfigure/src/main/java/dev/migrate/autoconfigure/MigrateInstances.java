package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Optional;

/**
 * The further databases of {@code migrate.instances.<name>.*}, beside the default instance
 * ({@link dev.migrate.Migrator} bean), in the order they are configured and migrated.
 */
public final class MigrateInstances {

	private final List<MigrateInstance> instances;

	MigrateInstances(List<MigrateInstance> instances) {
		this.instances = List.copyOf(instances);
	}

	/**
	 * The instances of {@code migrate.instances}, without the default one.
	 * @return the instances, in configuration order
	 */
	public List<MigrateInstance> all() {
		return this.instances;
	}

	/**
	 * An instance of {@code migrate.instances} by name.
	 * @param name the name
	 * @return the instance, or empty
	 */
	public Optional<MigrateInstance> find(String name) {
		return this.instances.stream().filter((instance) -> instance.name().equals(name)).findFirst();
	}

}
