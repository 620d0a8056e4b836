package dev.migrate.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;

/**
 * The listener of an instance's {@link dev.migrate.Migrator}: its {@link MigrationTracker}
 * first, then the application's {@link MigrationListener} beans of that instance in order
 * ({@link InstanceMigrationListener InstanceMigrationListeners} told the instance's name). A listener bean that
 * throws is logged and skipped, so it can neither fail a migration nor keep the tracker from
 * hearing the next event.
 */
final class TrackedMigrationListener implements MigrationListener {

	private static final Log logger = LogFactory.getLog(TrackedMigrationListener.class);

	private final MigrationTracker tracker;

	private final String instance;

	private final List<MigrationListener> listeners;

	TrackedMigrationListener(MigrationTracker tracker, List<MigrationListener> listeners) {
		this(MigrateInstance.DEFAULT, tracker, listeners);
	}

	TrackedMigrationListener(String instance, MigrationTracker tracker, List<MigrationListener> listeners) {
		this.instance = instance;
		this.tracker = tracker;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void onEvent(MigrationEvent event) {
		this.tracker.onEvent(event);
		for (MigrationListener listener : this.listeners) {
			try {
				if (listener instanceof InstanceMigrationListener named) {
					named.onEvent(this.instance, event);
				}
				else {
					listener.onEvent(event);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("MigrationListener " + listener.getClass().getName() + " failed on "
						+ event.getClass().getSimpleName() + "; the migration goes on", ex);
			}
		}
	}

}
