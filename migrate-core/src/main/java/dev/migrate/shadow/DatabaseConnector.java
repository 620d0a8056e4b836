package dev.migrate.shadow;

import javax.sql.DataSource;

/**
 * Connects to another database of the same server with the same credentials, as the front end
 * that knows the connection's URL and password can (the CLI, the Spring Boot starter).
 */
@FunctionalInterface
public interface DatabaseConnector {

	/**
	 * A data source for a database of the same server.
	 * @param database the database name
	 * @return a data source whose connections go to that database
	 */
	DataSource connect(String database);

}
