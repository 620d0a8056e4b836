package dev.migrate.benchmarks;

import java.util.List;

/**
 * One program the benchmarks start as a process: a migration tool used a certain way, or a
 * floor.
 *
 * @param name the name in the tables, e.g. {@code flyway-api}
 * @param description what it is, for the notes under the tables
 * @param migrates whether it applies revisions (the floors without a tool do not in every scenario)
 * @param commands how to start it
 */
record Program(String name, String description, boolean migrates, Commands commands) {

	/** What a run asks the program to do. */
	enum Work {

		/** Apply every revision to an empty database. */
		APPLY,

		/** Start on a database where every revision is applied (the floors connect and run {@code select 1}). */
		NOTHING_PENDING

	}

	List<String> command(RevisionSet revisions, Work work) {
		return this.commands.command(revisions, work);
	}

	/** Builds the command line of a run. */
	@FunctionalInterface
	interface Commands {

		List<String> command(RevisionSet revisions, Work work);

	}

}
