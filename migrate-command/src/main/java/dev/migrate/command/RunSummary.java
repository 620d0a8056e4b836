package dev.migrate.command;

import java.util.TreeSet;

import dev.migrate.MigrationResult;
import dev.migrate.graph.RevisionGraph;

/**
 * The one line {@code upgrade}, {@code downgrade} and {@code stamp} print when they are done,
 * e.g. {@code Upgraded 3 revision(s) in 41 ms; database is at 53fffde5ad5 (head)}.
 */
final class RunSummary {

	private RunSummary() {
	}

	/**
	 * Summarize a run.
	 * @param verb what was done, e.g. {@code Upgraded}
	 * @param command the command, e.g. {@code upgrade}
	 * @param result the run's result
	 * @param graph the graph
	 * @return the line
	 */
	static String of(String verb, String command, MigrationResult result, RevisionGraph graph) {
		String at = "database is at " + new RevisionFormat(graph).rows(new TreeSet<>(result.headsAfter()));
		if (result.plan().isEmpty()) {
			return "Nothing to " + command + "; " + at;
		}
		String what = command.equals("stamp") ? "the version table"
				: result.plan().steps().size() + " revision(s)";
		return verb + " " + what + " in " + result.duration().toMillis() + " ms; " + at;
	}

}
