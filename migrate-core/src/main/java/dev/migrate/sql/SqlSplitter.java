package dev.migrate.sql;

import java.util.List;

/**
 * Splits the SQL of a revision section into statements, understanding PostgreSQL's lexical
 * rules for quotes, comments and dollar-quoted bodies.
 */
public final class SqlSplitter {

	private SqlSplitter() {
	}

	/**
	 * Split one section of a revision file into its statements.
	 * @param text the section's text
	 * @param source the file the text comes from, for messages
	 * @param firstLine the file line of the text's first character
	 * @return the statements in order
	 * @throws dev.migrate.MigrateException with {@link dev.migrate.ErrorCode#SQL_SYNTAX} when a
	 * quote, quoted identifier, comment, dollar body or escape-hatch block is never closed
	 */
	public static List<SqlStatement> split(String text, String source, int firstLine) {
		throw new UnsupportedOperationException("not implemented yet");
	}

}
