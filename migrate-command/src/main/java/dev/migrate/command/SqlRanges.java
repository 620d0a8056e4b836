package dev.migrate.command;

import dev.migrate.graph.TargetRange;

/**
 * Checks that the {@code from:to} ranges of {@code upgrade}, {@code downgrade} and {@code stamp}
 * come with {@code --sql}, as in Alembic.
 */
final class SqlRanges {

	private SqlRanges() {
	}

	/** Fail when a range is given without {@code --sql}. */
	static void requireSqlForRange(String command, String target, boolean sql) {
		if (!sql && TargetRange.isRange(target)) {
			throw new UsageException("Range revision not allowed: '" + target + "'; " + command
					+ " accepts <from>:<to> only with --sql (offline mode)");
		}
	}

}
