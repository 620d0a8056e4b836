package dev.migrate.autoconfigure;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;

/**
 * A {@link MigrationListener} bean that is told which instance each event comes from: the
 * default one ({@value MigrateInstance#DEFAULT}) or a key of {@code migrate.instances}. Like
 * every listener bean, it hears every instance unless
 * {@link ForMigrateInstance @ForMigrateInstance} narrows it.
 */
@FunctionalInterface
public interface InstanceMigrationListener extends MigrationListener {

	/**
	 * Called for each event of a run of an instance.
	 * @param instance the instance's name
	 * @param event the event
	 */
	void onEvent(String instance, MigrationEvent event);

	/**
	 * Called for an event whose instance is not known (outside the starter): as one of the
	 * default instance.
	 * @param event the event
	 */
	@Override
	default void onEvent(MigrationEvent event) {
		onEvent(MigrateInstance.DEFAULT, event);
	}

}
