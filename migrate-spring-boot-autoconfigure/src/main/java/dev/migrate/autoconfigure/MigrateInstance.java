package dev.migrate.autoconfigure;

import dev.migrate.Migrator;

/**
 * One database the application migrates: the default one ({@code migrate.*}) or one of
 * {@code migrate.instances.<name>.*}, with its own migrator, lock (its own version table) and
 * progress tracker.
 */
public final class MigrateInstance {

	/** Name of the instance configured by {@code migrate.*}. */
	public static final String DEFAULT = "default";

	private final String name;

	private final Migrator migrator;

	private final MigrationTracker tracker;

	private final MigrationStateReader reader;

	private final MigrateProperties properties;

	MigrateInstance(String name, Migrator migrator, MigrationTracker tracker, MigrationStateReader reader,
			MigrateProperties properties) {
		this.name = name;
		this.properties = properties;
		this.migrator = migrator;
		this.tracker = tracker;
		this.reader = reader;
	}

	/**
	 * The instance's name.
	 * @return {@link #DEFAULT} or the key under {@code migrate.instances}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The migrator of this instance.
	 * @return the migrator
	 */
	public Migrator migrator() {
		return this.migrator;
	}

	/**
	 * The progress of this instance's migrations in this application.
	 * @return the tracker
	 */
	public MigrationTracker tracker() {
		return this.tracker;
	}

	/**
	 * Reads this instance's state for the endpoint and health.
	 * @return the reader
	 */
	public MigrationStateReader reader() {
		return this.reader;
	}

	/** The instance's settings, as those of a default instance. */
	MigrateProperties properties() {
		return this.properties;
	}

}
