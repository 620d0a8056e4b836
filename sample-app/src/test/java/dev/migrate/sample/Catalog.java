package dev.migrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A sorted textual dump of what the revisions create in the current schema (extensions,
 * columns, sequences, indexes, constraints), for comparing schemas in tests.
 */
final class Catalog {

	private static final String QUERY = """
			SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
			UNION ALL
			SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
				|| CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
				|| CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
				|| coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
				|| coalesce(' comment ' || col_description(c.oid, a.attnum), '')
			FROM pg_attribute a
			JOIN pg_class c ON c.oid = a.attrelid
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
				AND a.attnum > 0 AND NOT a.attisdropped
			UNION ALL
			SELECT 'sequence ' || relname FROM pg_class
			WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S'
			UNION ALL
			SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			WHERE c.relnamespace = current_schema()::regnamespace
			UNION ALL
			SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
			FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
			ORDER BY 1
			""";

	private Catalog() {
	}

	static List<String> dump(Connection connection) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
			while (rs.next()) {
				lines.add(rs.getString(1));
			}
		}
		return lines;
	}

}
