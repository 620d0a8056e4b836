package dev.migrate;

import java.sql.Connection;

/**
 * A revision written in Java, for changes SQL cannot express well (data migrations that call
 * code, batch backfills). Annotate the class with {@link RevisionInfo} to give it an id and its
 * down revisions; ids are unique across SQL and Java revisions.
 *
 * <p>
 * Both methods receive the connection of the run: inside the revision's transaction when the
 * revision is transactional (do not commit or roll back), in autocommit otherwise. A class that
 * does not override {@link #downgrade(Connection)} is irreversible: asking to downgrade it fails
 * before anything runs.
 *
 * <p>
 * In a Spring Boot application, Java revisions are picked up as beans, so they can have
 * dependencies injected.
 */
public interface JavaRevision {

	/**
	 * Apply this revision.
	 * @param connection the connection of the run
	 * @throws Exception on failure; the revision's transaction is rolled back
	 */
	void upgrade(Connection connection) throws Exception;

	/**
	 * Revert this revision. Not overriding it makes the revision irreversible.
	 * @param connection the connection of the run
	 * @throws Exception on failure; the revision's transaction is rolled back
	 */
	default void downgrade(Connection connection) throws Exception {
		throw new MigrateException(ErrorCode.IRREVERSIBLE,
				"Java revision " + getClass().getName() + " does not implement downgrade(Connection)",
				"Override downgrade(Connection) to make the revision reversible");
	}

}
