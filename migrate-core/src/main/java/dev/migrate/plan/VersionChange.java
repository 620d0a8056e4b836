package dev.migrate.plan;

/**
 * One row change of the version table (one row per head, Alembic's layout). A step's changes
 * are applied in order, in the same transaction as the step's statements. Alembic's five cases
 * map onto these: update = one {@link Update}; create branch = one {@link Insert}; delete branch
 * = one {@link Delete}; merge = {@link Delete}s then an {@link Update}; unmerge =
 * {@link Insert}s then an {@link Update}.
 */
public sealed interface VersionChange {

	/**
	 * Add a head row.
	 *
	 * @param revision the new head
	 */
	record Insert(String revision) implements VersionChange {

	}

	/**
	 * Remove a head row; exactly one row must match.
	 *
	 * @param revision the head to remove
	 */
	record Delete(String revision) implements VersionChange {

	}

	/**
	 * Replace a head row; exactly one row must match.
	 *
	 * @param from the head to replace
	 * @param to the new head
	 */
	record Update(String from, String to) implements VersionChange {

	}

}
