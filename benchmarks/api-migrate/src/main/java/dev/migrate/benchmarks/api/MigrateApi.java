package dev.migrate.benchmarks.api;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;

/**
 * migrate's Java API from a plain {@code main}: {@code Migrator.upgrade("heads")} with the
 * revisions of the location given as the only argument, on the database of
 * {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 */
public final class MigrateApi {

	private MigrateApi() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(System.getenv("DATABASE_URL"));
		dataSource.setUser(System.getenv("DATABASE_USER"));
		dataSource.setPassword(System.getenv("DATABASE_PASSWORD"));
		Migrator migrator = Migrator.create(dataSource, MigrateSettings.builder().locations(args[0]).build());
		migrator.upgrade("heads");
	}

}
