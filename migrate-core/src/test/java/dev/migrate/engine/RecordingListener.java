package dev.migrate.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;

/**
 * Keeps every event it receives.
 */
final class RecordingListener implements MigrationListener {

	private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onEvent(MigrationEvent event) {
		this.events.add(event);
	}

	List<MigrationEvent> events() {
		return List.copyOf(this.events);
	}

	<T extends MigrationEvent> List<T> events(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	List<String> types() {
		return this.events.stream().map((event) -> event.getClass().getSimpleName()).toList();
	}

}
