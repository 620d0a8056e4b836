package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.test.PgDump;

/**
 * {@code pg_dump --schema-only} of a test database, normalised so that two databases holding
 * the same schema give the same text: comments, {@code SET} lines and psql meta-commands
 * ({@code \restrict}) are removed, and the columns of each {@code CREATE TABLE} are sorted
 * (column order is not part of what autogenerate keeps).
 */
final class SchemaDump {

	private SchemaDump() {
	}

	/** The normalised dump of a database reached with this JDBC URL. */
	static String of(String jdbcUrl, String user, String password) {
		String dump;
		try {
			dump = PgDump.schemaOnly(jdbcUrl, user, password);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("pg_dump could not dump " + jdbcUrl + " (" + ex.getMessage() + "). The "
					+ "round-trip tests compare schema dumps: install the PostgreSQL client of the server's version "
					+ "(pg_dump on the PATH or under /usr/lib/postgresql/<version>/bin)", ex);
		}
		return normalise(dump);
	}

	static String normalise(String dump) {
		List<String> out = new ArrayList<>();
		List<String> columns = null;
		for (String line : PgDump.normalize(dump).split("\n")) {
			if (line.startsWith("SET ") || line.startsWith("SELECT pg_catalog.set_config")) {
				continue;
			}
			if (columns != null) {
				if (line.startsWith(")")) {
					columns.sort(null);
					out.addAll(columns);
					out.add(line);
					columns = null;
				}
				else {
					columns.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
				}
				continue;
			}
			out.add(line);
			if (line.startsWith("CREATE TABLE ") && line.endsWith("(")) {
				columns = new ArrayList<>();
			}
		}
		return String.join("\n", out) + "\n";
	}

}
