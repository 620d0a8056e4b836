package dev.migrate.shadow;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.Vocabulary;

/**
 * Creates a temporary shadow database, prints its name and waits to be stopped, for
 * {@link ShadowDatabaseTests}: the shutdown hook must drop it.
 */
public final class TemporaryShadowProcess {

	private TemporaryShadowProcess() {
	}

	public static void main(String[] args) throws Exception {
		PGSimpleDataSource server = dataSource(args, null);
		ShadowDatabase shadow = ShadowDatabase.temporary(server, (name) -> dataSource(args, name), Vocabulary.java());
		System.out.println("shadow=" + ((TemporaryShadow) shadow).name());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	private static PGSimpleDataSource dataSource(String[] args, String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(args[0]);
		if (database != null) {
			dataSource.setDatabaseName(database);
		}
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		return dataSource;
	}

}
