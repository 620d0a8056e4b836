package dev.migrate.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.migrate.test.PostgresDatabase;

/**
 * Extra databases on the test server, named after the test class's database and dropped by
 * {@link #close()}: round-trip tests need one database per schema state.
 */
final class ScratchDatabases implements AutoCloseable {

	private final PostgresDatabase base;

	private final List<String> names = new ArrayList<>();

	private int counter;

	ScratchDatabases(PostgresDatabase base) {
		this.base = base;
	}

	/** A new empty database (from template0's copy, template1); returns its name. */
	String create() {
		String name = this.base.name();
		String suffix = "_s" + (++this.counter);
		if (name.length() + suffix.length() > 63) {
			name = name.substring(0, 63 - suffix.length());
		}
		name = name + suffix;
		execute(this.base, "CREATE DATABASE \"" + name + "\"");
		this.names.add(name);
		return name;
	}

	Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.base.user());
		properties.setProperty("password", this.base.password());
		return DriverManager.getConnection(url(database), properties);
	}

	String url(String database) {
		String url = this.base.url();
		int query = url.indexOf('?');
		String head = (query >= 0) ? url.substring(0, query) : url;
		String tail = (query >= 0) ? url.substring(query) : "";
		return head.substring(0, head.lastIndexOf('/') + 1) + database + tail;
	}

	void drop(String database) {
		execute(this.base, "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
		this.names.remove(database);
	}

	private static void execute(PostgresDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		for (String name : List.copyOf(this.names)) {
			drop(name);
		}
	}

}
