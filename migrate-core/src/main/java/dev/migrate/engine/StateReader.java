package dev.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Reads the version-table rows and the recorded checksums, without a lock and without creating
 * anything, in the connection's current transaction mode: one query for whether the tables
 * exist, then (in one round trip) the rows and the checksums.
 *
 * <p>
 * This is the check every instance makes at startup, in a cold JVM, so it does little: plain
 * statements only (values written as literals), and the checksums (one per applied revision,
 * thousands) come as one aggregated value of length-prefixed fields instead of one row each,
 * which costs far less to decode before the JIT has compiled the driver's row handling.
 */
final class StateReader {

	private final String tablesExistSql;

	private final String headsSql;

	private final String recordedChecksumsSql;

	private final String recordedDigestSql;

	StateReader(TableNames names) {
		this.tablesExistSql = "SELECT to_regclass(" + TableNames.quoteEscapeLiteral(names.qualifiedVersionTable())
				+ ") IS NOT NULL, to_regclass(" + TableNames.quoteEscapeLiteral(names.qualifiedHistoryTable()) + ") IS NOT NULL";
		this.headsSql = new VersionTableSql(names).selectHeads();
		String latest = "(SELECT DISTINCT ON (revision) revision, direction, checksum FROM "
				+ names.qualifiedHistoryTable() + " WHERE success AND revision IS NOT NULL ORDER BY revision, id DESC) "
				+ "latest WHERE direction IN (" + TableNames.quoteEscapeLiteral(HistoryTableSql.UPGRADE) + ", "
				+ TableNames.quoteEscapeLiteral(HistoryTableSql.ACCEPT_CHECKSUM) + ") AND checksum IS NOT NULL";
		this.recordedChecksumsSql = "SELECT string_agg(length(revision) || ':' || revision || length(checksum) "
				+ "|| ':' || checksum, '') FROM " + latest;
		this.recordedDigestSql = "SELECT encode(sha256(convert_to(string_agg(revision || ':' || checksum || E'\\n', '' "
				+ "ORDER BY convert_to(revision, 'UTF8')), 'UTF8')), 'hex') FROM " + latest;
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
		if (!exist[1]) {
			return new DatabaseState(true, false, heads(connection), Map.of());
		}
		try (Statement statement = connection.createStatement()) {
			List<String> heads = List.of();
			if (exist[0]) {
				statement.execute(this.headsSql + ";" + this.recordedChecksumsSql);
				heads = heads(statement.getResultSet());
				statement.getMoreResults();
			}
			else {
				statement.execute(this.recordedChecksumsSql);
			}
			try (ResultSet rs = statement.getResultSet()) {
				rs.next();
				return new DatabaseState(exist[0], true, heads, checksums(rs.getString(1)));
			}
		}
	}

	/**
	 * Read the version-table rows and the digest of the recorded checksums (the one
	 * {@link dev.migrate.revision.LoadedRevisions#digestOf} computes over a build's revisions):
	 * the cheap check of whether a database is exactly where a build's revision index says the
	 * revisions lead.
	 * @param connection the connection
	 * @return the rows and the digest; no rows and no digest when the tables do not exist
	 * @throws SQLException on a database error
	 */
	RecordedDigest readDigest(Connection connection) throws SQLException {
		boolean[] exist = tablesExist(connection);
		if (!exist[0] || !exist[1]) {
			return new RecordedDigest(exist[0] ? heads(connection) : List.of(), null);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.headsSql + ";" + this.recordedDigestSql);
			List<String> heads = heads(statement.getResultSet());
			statement.getMoreResults();
			try (ResultSet rs = statement.getResultSet()) {
				rs.next();
				return new RecordedDigest(heads, rs.getString(1));
			}
		}
	}

	/**
	 * The version-table rows and the digest of the recorded checksums.
	 *
	 * @param heads the rows, sorted
	 * @param digest the digest, or {@code null} when no checksum is recorded
	 */
	record RecordedDigest(List<String> heads, @Nullable String digest) {

	}

	/**
	 * Whether the version and history tables exist.
	 * @param connection the connection
	 * @return two flags: version table, history table
	 * @throws SQLException on a database error
	 */
	boolean[] tablesExist(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.tablesExistSql)) {
			rs.next();
			return new boolean[] { rs.getBoolean(1), rs.getBoolean(2) };
		}
	}

	/**
	 * The version-table rows, sorted. The table must exist.
	 * @param connection the connection
	 * @return the rows
	 * @throws SQLException on a database error
	 */
	List<String> heads(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.headsSql)) {
			return heads(rs);
		}
	}

	/**
	 * The recorded checksums from their aggregate: for each revision, {@code <length>:<revision>}
	 * then {@code <length>:<checksum>}, lengths in characters (code points, as PostgreSQL counts).
	 */
	static Map<String, String> checksums(String aggregate) {
		Map<String, String> checksums = new HashMap<>();
		int position = 0;
		int length = (aggregate != null) ? aggregate.length() : 0;
		while (position < length) {
			int revisionEnd = fieldEnd(aggregate, position);
			int checksumEnd = fieldEnd(aggregate, revisionEnd);
			checksums.put(aggregate.substring(aggregate.indexOf(':', position) + 1, revisionEnd),
					aggregate.substring(aggregate.indexOf(':', revisionEnd) + 1, checksumEnd));
			position = checksumEnd;
		}
		return checksums;
	}

	/** Where the length-prefixed field starting at {@code start} ends. */
	private static int fieldEnd(String aggregate, int start) {
		int colon = aggregate.indexOf(':', start);
		return aggregate.offsetByCodePoints(colon + 1, Integer.parseInt(aggregate, start, colon, 10));
	}

	private static List<String> heads(ResultSet rs) throws SQLException {
		try (rs) {
			List<String> heads = new ArrayList<>();
			while (rs.next()) {
				heads.add(rs.getString(1));
			}
			return heads;
		}
	}

}
