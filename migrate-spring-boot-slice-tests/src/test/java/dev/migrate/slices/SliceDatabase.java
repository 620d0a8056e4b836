package dev.migrate.slices;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.migrate.test.PostgresDatabase;

/**
 * Points {@code spring.datasource.*} at a test class's own PostgreSQL database, as a service's
 * test would point it at its test database.
 */
public final class SliceDatabase {

	private SliceDatabase() {
	}

	/**
	 * Register the connection of a database.
	 * @param registry the registry of the test class
	 * @param db the database
	 */
	public static void register(DynamicPropertyRegistry registry, PostgresDatabase db) {
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::user);
		registry.add("spring.datasource.password", db::password);
	}

}
