package dev.migrate.command;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.migrate.MigrationResult;
import dev.migrate.Migrator;

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
	 * @param migrator the migrator that ran it
	 * @return the line
	 */
	static String of(String verb, String command, MigrationResult result, Migrator migrator) {
		Set<String> after = new TreeSet<>(result.headsAfter());
		String at = "database is at " + (isAtHeads(after, migrator) ? atHeads(after)
				: new RevisionFormat(migrator.graph()).rows(after));
		if (result.plan().isEmpty()) {
			return "Nothing to " + command + "; " + at;
		}
		String what = command.equals("stamp") ? "the version table"
				: result.plan().steps().size() + " revision(s)";
		return verb + " " + what + " in " + result.duration().toMillis() + " ms; " + at;
	}

	/**
	 * Whether the database is exactly at the graph's heads, known without building the graph
	 * when a revision index vouches for them.
	 */
	private static boolean isAtHeads(Set<String> after, Migrator migrator) {
		List<String> heads = migrator.headIds();
		return !after.isEmpty() && after.size() == heads.size() && after.containsAll(heads);
	}

	/** The rows as {@link RevisionFormat#rows} writes heads. */
	private static String atHeads(Set<String> heads) {
		return heads.stream().map((id) -> id + " (head)").collect(Collectors.joining(", "));
	}

}
