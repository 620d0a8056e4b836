package dev.migrate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrate.revision.Revision;

/**
 * Where the database stands against a target, read without taking the lock.
 *
 * @param state the summary
 * @param current the version-table rows, sorted
 * @param heads the heads of the revision graph, sorted
 * @param pending revisions the target still needs, in the order they would run
 * @param applied the applied revisions (ancestors of the current rows), oldest first
 * @param lock the current holder of the migration lock, or {@code null} when free
 * @param problems human-readable problems behind a {@link State#DRIFT},
 * {@link State#UNKNOWN_REVISION} or {@link State#MULTIPLE_HEADS} state; empty otherwise
 */
public record MigrationStatus(State state, List<String> current, List<String> heads, List<Revision> pending,
		List<AppliedRevision> applied, @Nullable LockHolder lock, List<String> problems) {

	public MigrationStatus {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		applied = List.copyOf(applied);
		problems = List.copyOf(problems);
	}

	/** Summary of a {@link MigrationStatus}. */
	public enum State {

		/** At the target; checksums valid. */
		UP_TO_DATE,

		/** Revisions are pending. */
		PENDING,

		/** The database is at a revision this build does not know. */
		UNKNOWN_REVISION,

		/** An applied revision's checksum differs from its file. */
		DRIFT,

		/** The target is {@code head} but the graph has several heads. */
		MULTIPLE_HEADS

	}

}
