package dev.migrate.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of the database as read from the version and history tables.
 *
 * @param versionTableExists whether the version table exists
 * @param historyTableExists whether the history table exists
 * @param heads the version-table rows, sorted
 * @param recordedChecksums per revision, the checksum recorded by its latest successful history
 * row when that row is an {@code upgrade} or {@code accept_checksum} (revisions whose latest row
 * is a stamp or downgrade, or that have no row, are absent)
 */
record DatabaseState(boolean versionTableExists, boolean historyTableExists, List<String> heads,
		Map<String, String> recordedChecksums) {

	/** The state of a database without the tables. */
	static final DatabaseState EMPTY = new DatabaseState(false, false, List.of(), Map.of());

	DatabaseState {
		heads = List.copyOf(heads);
		// Wrapped, not copied: 2,000 entries are worth not copying on every startup check, and
		// StateReader hands over a map it does not keep.
		recordedChecksums = Collections.unmodifiableMap(recordedChecksums);
	}

	/** The heads as a set, sorted. */
	Set<String> headSet() {
		return new TreeSet<>(this.heads);
	}

}
