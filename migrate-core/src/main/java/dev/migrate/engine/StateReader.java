package dev.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Reads the version-table rows and the recorded checksums, without a lock and without creating
 * anything: three short queries in the connection's current transaction mode.
 */
final class StateReader {

	private final TableNames names;

	private final VersionTableSql versionSql;

	private final String recordedChecksumsSql;

	StateReader(TableNames names) {
		this.names = names;
		this.versionSql = new VersionTableSql(names);
		this.recordedChecksumsSql = "SELECT DISTINCT ON (revision) revision, direction, checksum FROM "
				+ names.qualifiedHistoryTable() + " WHERE success AND revision IS NOT NULL ORDER BY revision, id DESC";
	}

	/**
	 * Read the state.
	 * @param connection the connection
	 * @return the state
	 * @throws SQLException on a database error
	 */
	DatabaseState read(Connection connection) throws SQLException {
		boolean[] exist = tablesExist(connection);
		if (!exist[0] && !exist[1]) {
			return DatabaseState.EMPTY;
		}
		List<String> heads = exist[0] ? heads(connection) : List.of();
		Map<String, String> checksums = exist[1] ? recordedChecksums(connection) : Map.of();
		return new DatabaseState(exist[0], exist[1], heads, checksums);
	}

	/**
	 * Whether the version and history tables exist.
	 * @param connection the connection
	 * @return two flags: version table, history table
	 * @throws SQLException on a database error
	 */
	boolean[] tablesExist(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT to_regclass(?) IS NOT NULL, to_regclass(?) IS NOT NULL")) {
			statement.setString(1, this.names.qualifiedVersionTable());
			statement.setString(2, this.names.qualifiedHistoryTable());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return new boolean[] { rs.getBoolean(1), rs.getBoolean(2) };
			}
		}
	}

	/**
	 * The version-table rows, sorted. The table must exist.
	 * @param connection the connection
	 * @return the rows
	 * @throws SQLException on a database error
	 */
	List<String> heads(Connection connection) throws SQLException {
		List<String> heads = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.versionSql.selectHeads())) {
			while (rs.next()) {
				heads.add(rs.getString(1));
			}
		}
		return heads;
	}

	private Map<String, String> recordedChecksums(Connection connection) throws SQLException {
		Map<String, String> checksums = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.recordedChecksumsSql)) {
			while (rs.next()) {
				String direction = rs.getString(2);
				String checksum = rs.getString(3);
				if (checksum != null && (HistoryTableSql.UPGRADE.equals(direction)
						|| HistoryTableSql.ACCEPT_CHECKSUM.equals(direction))) {
					checksums.put(rs.getString(1), checksum);
				}
			}
		}
		return checksums;
	}

}
