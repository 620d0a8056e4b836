package dev.migrate.benchmarks;

import java.util.List;

import dev.migrate.benchmarks.Program.Work;

/**
 * One table of the report: some programs doing the same work on N revisions, several times,
 * interleaved.
 *
 * @param id the scenario's id ({@code apply}, {@code nothing-pending}, {@code boot}, {@code race})
 * @param title the table's title
 * @param work what each run does
 * @param size N, the number of revisions
 * @param programs the programs compared, in the order of the table
 * @param repetitions how many measured runs each program gets
 * @param racers how many copies of a program start at once on one empty database (1: no race)
 */
record Scenario(String id, String title, Work work, int size, List<String> programs, int repetitions, int racers) {

	/** Whether each run needs an empty database of its own. */
	boolean freshDatabase() {
		return this.work == Work.APPLY;
	}

	/** The program whose times a program is compared with: the floor of its kind. */
	String floorOf(String program) {
		if (this.id.equals("boot")) {
			return program.endsWith("-actuator") ? "boot-actuator" : "boot";
		}
		return "jdbc";
	}

	/** The Flyway program a program is compared with: Flyway used the same way. */
	String flywayOf(String program) {
		return program.contains("boot") ? "flyway-boot" : "flyway-api";
	}

}
