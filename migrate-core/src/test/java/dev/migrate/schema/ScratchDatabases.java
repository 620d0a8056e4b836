package dev.migrate.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;

import dev.migrate.test.PostgresDatabase;

/**
 * Extra databases on the test server, named after the test class's database: round-trip tests
 * need one database per schema state. Databases are created once and emptied for reuse
 * (extensions and schemas dropped, {@code public} created again), which is much cheaper than
 * {@code CREATE DATABASE} and {@code DROP DATABASE} on a busy server; {@link #close()} drops them.
 */
final class ScratchDatabases implements AutoCloseable {

	private static final String EMPTY = """
			DO $$
			DECLARE
				name text;
			BEGIN
				FOR name IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
					EXECUTE format('DROP EXTENSION %I CASCADE', name);
				END LOOP;
				FOR name IN SELECT nspname FROM pg_namespace
						WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
					EXECUTE format('DROP SCHEMA %I CASCADE', name);
				END LOOP;
				CREATE SCHEMA public;
			END
			$$""";

	private final PostgresDatabase base;

	private final List<String> names = new ArrayList<>();

	private final Deque<String> free = new ArrayDeque<>();

	ScratchDatabases(PostgresDatabase base) {
		this.base = base;
	}

	/** An empty database: one given back earlier and emptied, else a new one. */
	String take() {
		String name = this.free.poll();
		if (name == null) {
			name = this.base.name();
			String suffix = "_s" + (this.names.size() + 1);
			if (name.length() + suffix.length() > 63) {
				name = name.substring(0, 63 - suffix.length());
			}
			name = name + suffix;
			execute(this.base, "CREATE DATABASE \"" + name + "\"");
			this.names.add(name);
		}
		try (Connection connection = connect(name); Statement statement = connection.createStatement()) {
			statement.execute(EMPTY);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot empty database " + name + ": " + ex.getMessage(), ex);
		}
		return name;
	}

	/** Give a database back for reuse. */
	void giveBack(String database) {
		this.free.push(database);
	}

	Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.base.user());
		properties.setProperty("password", this.base.password());
		// Nothing here must survive a crash: commits need not wait for the WAL flush.
		properties.setProperty("options", "-c synchronous_commit=off");
		return DriverManager.getConnection(url(database), properties);
	}

	String url(String database) {
		String url = this.base.url();
		int query = url.indexOf('?');
		String head = (query >= 0) ? url.substring(0, query) : url;
		String tail = (query >= 0) ? url.substring(query) : "";
		return head.substring(0, head.lastIndexOf('/') + 1) + database + tail;
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
		for (String name : this.names) {
			execute(this.base, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
		}
		this.names.clear();
		this.free.clear();
	}

}
