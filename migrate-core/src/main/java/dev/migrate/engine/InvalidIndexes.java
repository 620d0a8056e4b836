package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Finds INVALID indexes ({@code pg_index.indisvalid} false): what an interrupted or failed
 * {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX CONCURRENTLY} leaves behind. Indexes
 * another session is building at the moment (listed in {@code pg_stat_progress_create_index})
 * are not counted.
 */
final class InvalidIndexes {

	private static final String SELECT = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relname "
			+ "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
			+ "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE NOT i.indisvalid AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' "
			+ "AND n.nspname NOT LIKE 'pg\\_toast%' AND NOT EXISTS (SELECT 1 FROM "
			+ "pg_catalog.pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid)";

	private InvalidIndexes() {
	}

	/**
	 * The INVALID indexes of the database.
	 * @param connection a connection, in autocommit
	 * @return their names, schema-qualified and quoted as needed, mapped to their bare names
	 * @throws SQLException on a database error
	 */
	static Map<String, String> all(Connection connection) throws SQLException {
		Map<String, String> indexes = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(SELECT + " ORDER BY 1")) {
			while (rs.next()) {
				indexes.put(rs.getString(1), rs.getString(2));
			}
		}
		return indexes;
	}

	/**
	 * The INVALID indexes in some schemas.
	 * @param connection a connection
	 * @param schemas the schemas
	 * @return their names, schema-qualified and quoted as needed
	 * @throws SQLException on a database error
	 */
	static List<String> in(Connection connection, Set<String> schemas) throws SQLException {
		List<String> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement(SELECT + " AND n.nspname = ANY (?) ORDER BY 1")) {
			statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					indexes.add(rs.getString(1));
				}
			}
		}
		return indexes;
	}

	/**
	 * The INVALID indexes a step left: those that were not INVALID before it ran, and those its
	 * statements name (a {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS} skips an INVALID index
	 * left by an earlier attempt).
	 * @param before the INVALID indexes before the step ran
	 * @param after the INVALID indexes after it ran
	 * @param script the step's script
	 * @return their qualified names
	 */
	static List<String> leftBy(Map<String, String> before, Map<String, String> after,
			@Nullable RevisionScript script) {
		List<String> left = new ArrayList<>();
		after.forEach((qualified, name) -> {
			if (!before.containsKey(qualified) || named(name, script)) {
				left.add(qualified);
			}
		});
		return left;
	}

	private static boolean named(String name, @Nullable RevisionScript script) {
		if (!(script instanceof RevisionScript.Sql sql)) {
			return false;
		}
		Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])", Pattern.CASE_INSENSITIVE);
		for (SqlStatement statement : sql.statements()) {
			if (word.matcher(statement.sql()).find()) {
				return true;
			}
		}
		return false;
	}

}
