package dev.migrate.plan;

/**
 * What a {@link Step} does to its revision.
 */
public enum Direction {

	/** Run the revision's upgrade and record it. */
	UPGRADE,

	/** Run the revision's downgrade and unrecord it. */
	DOWNGRADE,

	/** Change the version table only; run nothing. */
	STAMP

}
