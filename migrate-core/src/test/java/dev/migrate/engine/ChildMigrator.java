package dev.migrate.engine;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;

/**
 * A migrating process for tests that kill it: upgrades a database to its heads. Arguments: JDBC
 * URL, application name, revision location, schema; the user and password come from
 * {@code MIGRATE_TEST_JDBC_USER} and {@code MIGRATE_TEST_JDBC_PASSWORD}.
 */
final class ChildMigrator {

	private ChildMigrator() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(args[0]);
		dataSource.setApplicationName(args[1]);
		dataSource.setUser(System.getenv("MIGRATE_TEST_JDBC_USER"));
		dataSource.setPassword(System.getenv("MIGRATE_TEST_JDBC_PASSWORD"));
		Migrator.create(dataSource, MigrateSettings.builder().locations(args[2]).schema(args[3]).build())
			.upgrade("heads");
	}

}
