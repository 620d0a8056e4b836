package dev.migrate.benchmarks.api;

import org.flywaydb.core.Flyway;

/**
 * Flyway's Java API from a plain {@code main}: {@code migrate()} with the migrations of the
 * location given as the only argument (Flyway's defaults otherwise, so checksums are validated
 * first), on the database of {@code DATABASE_URL}, {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}.
 */
public final class FlywayApi {

	private FlywayApi() {
	}

	public static void main(String[] args) {
		Flyway.configure()
			.dataSource(System.getenv("DATABASE_URL"), System.getenv("DATABASE_USER"), System.getenv("DATABASE_PASSWORD"))
			.locations(args[0])
			.load()
			.migrate();
	}

}
