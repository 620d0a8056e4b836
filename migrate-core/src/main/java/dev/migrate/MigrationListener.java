package dev.migrate;

/**
 * Receives the progress of migration runs (lock waits, steps, statements), e.g. to feed an
 * endpoint or metrics. Must be fast and must not throw.
 */
@FunctionalInterface
public interface MigrationListener {

	/** A listener that ignores every event. */
	MigrationListener NONE = (event) -> {
	};

	/**
	 * Called for each event of a run.
	 * @param event the event
	 */
	void onEvent(MigrationEvent event);

}
