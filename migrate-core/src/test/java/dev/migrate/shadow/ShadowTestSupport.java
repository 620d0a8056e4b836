package dev.migrate.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.test.PostgresDatabase;

/** Connections to other databases of the test server, and questions about them. */
final class ShadowTestSupport {

	private ShadowTestSupport() {
	}

	/** Connects to databases of the test database's server with its credentials. */
	static DatabaseConnector connector(PostgresDatabase database) {
		return (name) -> dataSource(database, name, database.user(), database.password());
	}

	static DataSource dataSource(PostgresDatabase database, String name, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.url());
		dataSource.setDatabaseName(name);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	static boolean exists(PostgresDatabase server, String name) {
		return count(server, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'") > 0;
	}

	static long shadowCount(PostgresDatabase server) {
		return count(server, "SELECT count(*) FROM pg_database WHERE datname LIKE 'migrate\\_shadow\\_%'");
	}

	static long count(PostgresDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String query(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			StringBuilder rows = new StringBuilder();
			while (result.next()) {
				rows.append((rows.length() > 0) ? "," : "").append(result.getString(1));
			}
			return rows.toString();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
