package dev.migrate.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One step of a schema diff: the statements that take the current schema one step towards the
 * desired one, the statements that undo exactly that step, and what can go wrong.
 *
 * <p>
 * {@link SchemaDiff#between} returns steps in an order that respects dependencies; running every
 * step's {@link #upgrade()} in that order turns the current schema into the desired one, and
 * running every step's {@link #downgrade()} in the reverse order turns it back. A step may have
 * no upgrade statement (what it undoes happens as part of another step, e.g. an index dropped
 * with its table) or no downgrade statement (e.g. a comment that goes with a table the
 * downgrade drops).
 *
 * @param subject what the step is about, e.g. {@code table "account": column "nickname"}
 * @param difference how the current and desired schemas differ about the subject
 * @param currentState the subject in the current schema, for {@link Difference#CHANGED} (e.g.
 * {@code type varchar(50)}), else {@code null}
 * @param desiredState the subject in the desired schema, for {@link Difference#CHANGED}, else
 * {@code null}
 * @param upgrade the statements, without terminating semicolons
 * @param downgrade the statements that undo {@code upgrade}, without terminating semicolons
 * @param hazards what the upgrade statements risk (data loss, long locks, failure on existing
 * rows), e.g. {@code drops column "email" and its data}
 * @param downgradeHazards what the downgrade statements risk
 * @param nonTransactional whether the statements must run outside a transaction block (an
 * index built {@code CONCURRENTLY} on a table that already exists) or are better run there, each
 * in its own transaction (validating a constraint added {@code NOT VALID})
 * @param consequential whether the step only follows from another difference (a view rebuilt
 * because a column it reads changes type, the validation of a new constraint), so it is not
 * itself a difference to report
 */
public record SchemaChange(String subject, Difference difference, @Nullable String currentState,
		@Nullable String desiredState,
		List<String> upgrade, List<String> downgrade, List<String> hazards, List<String> downgradeHazards,
		boolean nonTransactional, boolean consequential) {

	public SchemaChange {
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
		hazards = List.copyOf(hazards);
		downgradeHazards = List.copyOf(downgradeHazards);
	}

	/**
	 * How the step reads in a list of changes, e.g. {@code table "account": column "nickname"
	 * added} or {@code table "account": column "age" changed: type integer -> bigint}.
	 */
	public String description() {
		return switch (this.difference) {
			case ADDED -> this.subject + " added";
			case REMOVED -> this.subject + " removed";
			case CHANGED -> this.subject + " changed: " + brief(this.currentState) + " -> " + brief(this.desiredState);
		};
	}

	/**
	 * A state on one line for messages: whitespace runs collapsed to one space, cut after 160
	 * characters (definitions of views and functions can be long).
	 */
	static @Nullable String brief(@Nullable String state) {
		if (state == null) {
			return null;
		}
		String line = state.strip().replaceAll("\\s+", " ");
		return (line.length() > 160) ? line.substring(0, 157) + "..." : line;
	}

	/** How the current and desired schemas differ about a subject. */
	public enum Difference {

		/** Only the desired schema has it. */
		ADDED,

		/** Only the current schema has it. */
		REMOVED,

		/** Both have it, defined differently. */
		CHANGED

	}

}
