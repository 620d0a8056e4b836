package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

	/**
	 * How many advisory locks on the key are held or awaited in the test's database. Never count
	 * the whole server's: other builds share it.
	 */
	static int advisoryLocks(PostgresDatabase db, LockKey key) {
		return Integer.parseInt(value(db, "SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory' "
				+ "AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) "
				+ "AND classid = " + key.classId() + "::bigint::oid AND objid = " + key.objId()
				+ "::bigint::oid AND objsubid = 1"));
	}

	/**
	 * Wait until a backend has ended. A session that was terminated, or whose client closed the
	 * connection, keeps its locks until its backend process exits, a moment after the client
	 * saw it end; on a loaded machine that moment can be long.
	 */
	static void awaitBackendGone(PostgresDatabase db, int pid) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (value(db, "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE pid = " + pid).equals("1")) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("The backend with pid " + pid + " is still there after 30 s");
			}
			Thread.sleep(20);
		}
	}

}
