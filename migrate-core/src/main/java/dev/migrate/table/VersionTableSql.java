package dev.migrate.table;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * SQL text for the version table, in Alembic's layout: one {@code version_num varchar(32)} row
 * per current head, so a database Alembic managed can be taken over by pointing
 * {@code version-table} at {@code alembic_version}.
 *
 * <p>
 * Methods without arguments return one statement without a terminating semicolon, for JDBC;
 * the prepared forms take their values as {@code ?} parameters. The literal forms
 * ({@link #insert(String)}, {@link #delete(String)}, {@link #update(String, String)}) are for
 * offline scripts: values rendered as literals, terminated by a semicolon.
 */
public final class VersionTableSql {

	private final TableNames names;

	private final String table;

	/**
	 * Create the SQL for the version table of the given names.
	 * @param names the validated names
	 */
	public VersionTableSql(TableNames names) {
		this.names = names;
		this.table = names.qualifiedVersionTable();
	}

	/** The names this SQL is for. */
	public TableNames names() {
		return this.names;
	}

	/** {@code CREATE TABLE IF NOT EXISTS} with Alembic's columns and primary key constraint. */
	public String createIfNotExists() {
		return "CREATE TABLE IF NOT EXISTS " + this.table + " (\n" //
				+ "    version_num varchar(32) NOT NULL,\n" //
				+ "    CONSTRAINT " + TableNames.quoteIdentifier(constraintName()) + " PRIMARY KEY (version_num)\n" //
				+ ")";
	}

	/**
	 * Alembic's primary key name, {@code <table>_pkc}, shortened to PostgreSQL's 63-byte limit
	 * when the table name is long (PostgreSQL would truncate it anyway, with a notice).
	 */
	String constraintName() {
		String table = this.names.versionTable();
		while ((table + "_pkc").getBytes(StandardCharsets.UTF_8).length > TableNames.MAX_IDENTIFIER_BYTES) {
			table = table.substring(0, table.offsetByCodePoints(table.length(), -1));
		}
		return table + "_pkc";
	}

	/**
	 * {@code CREATE SCHEMA IF NOT EXISTS} for the configured schema.
	 * @return the statement, or empty when no schema is set (the connection's current schema is
	 * used and must exist)
	 */
	public Optional<String> createSchemaIfNotExists() {
		String schema = this.names.schema();
		return (schema != null) ? Optional.of("CREATE SCHEMA IF NOT EXISTS " + TableNames.quoteIdentifier(schema))
				: Optional.empty();
	}

	/** Select every row ({@code version_num}), ordered. */
	public String selectHeads() {
		return "SELECT version_num FROM " + this.table + " ORDER BY version_num";
	}

	/** Prepared insert of a head: one {@code ?} for {@code version_num}. */
	public String insert() {
		return "INSERT INTO " + this.table + " (version_num) VALUES (?)";
	}

	/** Prepared delete of a head: one {@code ?} for {@code version_num}; check one row matched. */
	public String delete() {
		return "DELETE FROM " + this.table + " WHERE version_num = ?";
	}

	/**
	 * Prepared replacement of a head: the new {@code version_num}, then the old one; check one
	 * row matched.
	 */
	public String update() {
		return "UPDATE " + this.table + " SET version_num = ? WHERE version_num = ?";
	}

	/**
	 * Offline insert of a head, e.g.
	 * {@code INSERT INTO "migrate_version" (version_num) VALUES ('1975ea83b712');}.
	 * @param revision the new head
	 * @return the statement with its semicolon
	 */
	public String insert(String revision) {
		return "INSERT INTO " + this.table + " (version_num) VALUES (" + TableNames.quoteLiteral(revision) + ");";
	}

	/**
	 * Offline delete of a head, e.g.
	 * {@code DELETE FROM "migrate_version" WHERE "migrate_version".version_num = 'ae1027a6acf';}.
	 * @param revision the head to remove
	 * @return the statement with its semicolon
	 */
	public String delete(String revision) {
		return "DELETE FROM " + this.table + " WHERE " + this.table + ".version_num = "
				+ TableNames.quoteLiteral(revision) + ";";
	}

	/**
	 * Offline replacement of a head, e.g. {@code UPDATE "migrate_version" SET
	 * version_num='ae1027a6acf' WHERE "migrate_version".version_num = '1975ea83b712';}.
	 * @param from the head to replace
	 * @param to the new head
	 * @return the statement with its semicolon
	 */
	public String update(String from, String to) {
		return "UPDATE " + this.table + " SET version_num=" + TableNames.quoteLiteral(to) + " WHERE " + this.table
				+ ".version_num = " + TableNames.quoteLiteral(from) + ";";
	}

}
