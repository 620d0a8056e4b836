package dev.migrate.sql;

import java.util.Optional;

/**
 * Recognises statements that PostgreSQL refuses to run inside a transaction block.
 */
public final class NonTransactionalStatements {

	private NonTransactionalStatements() {
	}

	/**
	 * Return the construct that keeps the statement out of a transaction block, if any.
	 * @param statement the statement to classify
	 * @return the construct's name (for example {@code CREATE INDEX CONCURRENTLY}), or empty
	 * when the statement may run in a transaction
	 */
	public static Optional<String> find(SqlStatement statement) {
		throw new UnsupportedOperationException("not implemented yet");
	}

}
