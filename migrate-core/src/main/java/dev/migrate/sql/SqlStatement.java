package dev.migrate.sql;

/**
 * One SQL statement of a revision, as written in its file.
 *
 * @param sql the statement's text exactly as in the file, from its first significant character
 * up to (not including) the terminating semicolon
 * @param line the 1-based line of the file where the statement starts
 */
public record SqlStatement(String sql, int line) {

}
