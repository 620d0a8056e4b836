package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.test.PostgresDatabase;

/**
 * Small helpers for reading the test database.
 */
final class Queries {

	private Queries() {
	}

	/** The first column of every row, as strings. */
	static List<String> column(PostgresDatabase db, String sql) {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** The single value of a query. */
	static String value(PostgresDatabase db, String sql) {
		List<String> values = column(db, sql);
		if (values.size() != 1) {
			throw new IllegalStateException(sql + " returned " + values);
		}
		return values.get(0);
	}

	/** Whether a relation exists ({@code to_regclass}). */
	static boolean exists(PostgresDatabase db, String qualifiedName) {
		return value(db, "SELECT to_regclass('" + qualifiedName.replace("'", "''") + "') IS NOT NULL").equals("t");
	}

}
