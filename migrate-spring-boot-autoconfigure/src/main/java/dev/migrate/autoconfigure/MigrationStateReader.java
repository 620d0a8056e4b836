package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

import dev.migrate.MigrateException;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;

/**
 * Reads the migration state for the endpoint and the health indicator on the application's
 * data source, never on the migration connection and never under the migration lock, so that
 * it answers while a migration runs. With a separate migration connection, its migrator on the
 * application's data source is created on first use. A read that takes longer than
 * {@code migrate.endpoint.timeout} fails instead of blocking its caller.
 */
public final class MigrationStateReader {

	private final Migrator migrator;

	private final Supplier<Migrator> reader;

	private final String target;

	private final BoundedRead<MigrationStatus> status;

	private volatile MigrateException lastFailure;

	/**
	 * Create a reader.
	 * @param migrator the migrator that runs migrations (and writes for the endpoint)
	 * @param reader supplies the migrator that reads on the application's data source
	 * @param target the configured target
	 * @param timeout how long a read of the state may take
	 */
	MigrationStateReader(Migrator migrator, Supplier<Migrator> reader, String target, Duration timeout) {
		this.migrator = migrator;
		this.reader = SingletonSupplier.of(reader);
		this.target = target;
		this.status = new BoundedRead<>(() -> reader().status(this.target), timeout, SpringBootVocabulary.ENDPOINT_TIMEOUT);
	}

	/**
	 * The state against the configured target.
	 * @return the state
	 * @throws dev.migrate.MigrateException when it cannot be read, or not within
	 * {@code migrate.endpoint.timeout}
	 */
	public MigrationStatus status() {
		try {
			MigrationStatus status = this.status.get();
			this.lastFailure = null;
			return status;
		}
		catch (MigrateException ex) {
			this.lastFailure = ex;
			throw ex;
		}
	}

	/**
	 * Why the last read of the state failed.
	 * @return the failure, or {@code null} when the last read succeeded (or none was made)
	 */
	public MigrateException lastFailure() {
		return this.lastFailure;
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
