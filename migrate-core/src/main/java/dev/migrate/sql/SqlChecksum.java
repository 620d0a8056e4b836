package dev.migrate.sql;

import java.util.List;

/**
 * Computes the checksum of a SQL revision's meaning: comments and insignificant whitespace do
 * not count, literals, identifiers and keywords do.
 */
public final class SqlChecksum {

	private SqlChecksum() {
	}

	/**
	 * Compute the checksum of a revision's statements.
	 * @param upgrade the upgrade section's statements
	 * @param downgrade the downgrade section's statements, or {@code null} when the revision
	 * has no downgrade section
	 * @return the lower-case hex SHA-256 of the normalised statements
	 */
	public static String of(List<SqlStatement> upgrade, List<SqlStatement> downgrade) {
		throw new UnsupportedOperationException("not implemented yet");
	}

}
