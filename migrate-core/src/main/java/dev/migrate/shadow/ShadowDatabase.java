package dev.migrate.shadow;

import javax.sql.DataSource;

import dev.migrate.Vocabulary;

/**
 * A database the desired schema or the revisions are applied into, to be compared with the real
 * one. Closing it drops it (a temporary database) or empties it (a database given for the
 * purpose); use it in a try-with-resources block.
 */
public interface ShadowDatabase extends AutoCloseable {

	/**
	 * Connections to the shadow database, with {@code synchronous_commit = off}: its commits do
	 * not wait for the disk.
	 */
	DataSource dataSource();

	/** What the shadow is, for messages, e.g. {@code temporary database "migrate_shadow_1a2b3c4d5e6f"}. */
	String describe();

	/**
	 * Drop or empty the shadow database.
	 * @throws dev.migrate.MigrateException when that fails, naming what to do by hand
	 */
	@Override
	void close();

	/**
	 * Create a temporary database with a unique name on the server of {@code server}. It is
	 * dropped (with {@code WITH (FORCE)}) when closed, and by a shutdown hook when the JVM exits
	 * first (Ctrl-C).
	 * @param server a data source of the server, whose role may {@code CREATE DATABASE}
	 * @param connector connects to the new database
	 * @param vocabulary names the shadow setting when the role may not create databases
	 * @return the shadow database
	 * @throws dev.migrate.MigrateException when the database cannot be created
	 */
	static ShadowDatabase temporary(DataSource server, DatabaseConnector connector, Vocabulary vocabulary) {
		return TemporaryShadow.create(server, connector, vocabulary);
	}

	/**
	 * Use a database given for the purpose (the shadow URL setting). It must hold nothing but what
	 * a new database holds, and is emptied again when closed.
	 * @param shadow connections to the shadow database
	 * @param display the database as messages show it (without a password)
	 * @param target connections to the database the shadow stands beside, which the shadow must
	 * not be
	 * @param vocabulary names the shadow setting in messages
	 * @return the shadow database
	 * @throws dev.migrate.MigrateException when it is the target, not empty or cannot be reached
	 */
	static ShadowDatabase provided(DataSource shadow, String display, DataSource target, Vocabulary vocabulary) {
		return ProvidedShadow.open(shadow, display, target, vocabulary);
	}

}
