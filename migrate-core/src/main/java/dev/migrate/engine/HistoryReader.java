package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrate.AppliedRevision;
import dev.migrate.HistoryEntry;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;

/**
 * Reads the history table: every row, and the last successful upgrade of each revision.
 */
final class HistoryReader {

	private final HistoryTableSql sql;

	private final String lastUpgradesSql;

	HistoryReader(TableNames names) {
		this.sql = new HistoryTableSql(names);
		this.lastUpgradesSql = "SELECT DISTINCT ON (revision) revision, finished_at, database_user, execution_ms, checksum"
				+ " FROM " + names.qualifiedHistoryTable() + " WHERE success AND direction = '"
				+ HistoryTableSql.UPGRADE + "' AND revision IS NOT NULL ORDER BY revision, id DESC";
	}

	/**
	 * Every row, newest first. The table must exist.
	 * @param connection the connection
	 * @return the rows
	 * @throws SQLException on a database error
	 */
	List<HistoryEntry> newestFirst(Connection connection) throws SQLException {
		List<HistoryEntry> entries = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.sql.selectAll())) {
			while (rs.next()) {
				entries.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getLong(8),
						rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getString(12)));
			}
		}
		Collections.reverse(entries);
		return entries;
	}

	/**
	 * The last successful upgrade row of each revision, as an {@link AppliedRevision} with an
	 * empty message. The table must exist.
	 * @param connection the connection
	 * @return the rows by revision id
	 * @throws SQLException on a database error
	 */
	Map<String, AppliedRevision> lastUpgrades(Connection connection) throws SQLException {
		Map<String, AppliedRevision> upgrades = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.lastUpgradesSql)) {
			while (rs.next()) {
				String revision = rs.getString(1);
				upgrades.put(revision, new AppliedRevision(revision, "", instant(rs.getTimestamp(2)),
						rs.getString(3), rs.getLong(4), rs.getString(5)));
			}
		}
		return upgrades;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
