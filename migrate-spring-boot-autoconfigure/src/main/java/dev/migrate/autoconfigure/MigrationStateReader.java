package dev.migrate.autoconfigure;

import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;

/**
 * Reads the migration state for the endpoint and the health indicator on the application's
 * data source, never on the migration connection and never under the migration lock, so that
 * it answers while a migration runs. With a separate migration connection, its migrator on the
 * application's data source is created on first use.
 */
public final class MigrationStateReader {

	private final Migrator migrator;

	private final Supplier<Migrator> reader;

	private final String target;

	/**
	 * Create a reader.
	 * @param migrator the migrator that runs migrations (and writes for the endpoint)
	 * @param reader supplies the migrator that reads on the application's data source
	 * @param target the configured target
	 */
	MigrationStateReader(Migrator migrator, Supplier<Migrator> reader, String target) {
		this.migrator = migrator;
		this.reader = SingletonSupplier.of(reader);
		this.target = target;
	}

	/** The state against the configured target. */
	public MigrationStatus status() {
		return reader().status(this.target);
	}

	/** The migrator that reads on the application's data source. */
	public Migrator reader() {
		return this.reader.get();
	}

	/** The migrator that runs migrations. */
	public Migrator migrator() {
		return this.migrator;
	}

	/** The configured target. */
	public String target() {
		return this.target;
	}

}
