package dev.migrate.table;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;

/**
 * The validated schema and table names migrate keeps its state in. Names are never pasted into
 * SQL as written: they are always quoted as identifiers, so any character except NUL is allowed
 * and case is kept exactly as configured.
 */
public final class TableNames {

	/** PostgreSQL's identifier limit ({@code NAMEDATALEN - 1}), in bytes. */
	static final int MAX_IDENTIFIER_BYTES = 63;

	private final @Nullable String schema;

	private final String versionTable;

	private final String historyTable;

	private TableNames(@Nullable String schema, String versionTable, String historyTable) {
		this.schema = schema;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
	}

	/**
	 * Validate and hold the names.
	 * @param schema schema of both tables, or {@code null} for the connection's current schema
	 * @param versionTable name of the version table
	 * @param historyTable name of the history table
	 * @return the names
	 * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) when a name is empty, longer
	 * than 63 bytes in UTF-8 or contains NUL
	 */
	public static TableNames of(@Nullable String schema, String versionTable, String historyTable) {
		return of(schema, versionTable, historyTable, Vocabulary.java());
	}

	/**
	 * Validate and hold the names, naming the settings in the words of a front end when one is
	 * wrong.
	 * @param schema schema of both tables, or {@code null} for the connection's current schema
	 * @param versionTable name of the version table
	 * @param historyTable name of the history table
	 * @param vocabulary how the caller names its settings
	 * @return the names
	 * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) when a name is empty, longer
	 * than 63 bytes in UTF-8 or contains NUL
	 */
	public static TableNames of(@Nullable String schema, String versionTable, String historyTable,
			Vocabulary vocabulary) {
		if (schema != null) {
			validate(schema, vocabulary.setting(Setting.SCHEMA));
		}
		validate(versionTable, vocabulary.setting(Setting.VERSION_TABLE));
		validate(historyTable, vocabulary.setting(Setting.HISTORY_TABLE));
		if (versionTable.equals(historyTable)) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"The settings " + vocabulary.setting(Setting.VERSION_TABLE) + " and "
							+ vocabulary.setting(Setting.HISTORY_TABLE) + " both name the table '" + versionTable + "'",
					"Give the history table a different name with " + vocabulary.setting(Setting.HISTORY_TABLE)
							+ " (default migrate_history)");
		}
		return new TableNames(schema, versionTable, historyTable);
	}

	private static void validate(@Nullable String name, String setting) {
		if (name == null || name.isEmpty()) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"The setting " + setting + " is " + ((name == null) ? "missing" : "empty"),
					"Set " + setting + " to a PostgreSQL identifier of 1 to 63 bytes");
		}
		if (name.indexOf('\0') >= 0) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"The setting " + setting + " contains a NUL character ('" + name.replace("\0", "\\0")
							+ "'), which PostgreSQL identifiers cannot hold",
					"Remove the NUL character from " + setting);
		}
		int bytes = name.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_IDENTIFIER_BYTES) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"The setting " + setting + " is " + bytes + " bytes long in UTF-8 ('" + name
							+ "'); PostgreSQL identifiers hold at most 63 bytes",
					"Choose a shorter name for " + setting);
		}
	}

	/**
	 * Quote a name as a PostgreSQL identifier: wrapped in double quotes, inner double quotes
	 * doubled.
	 * @param name the name
	 * @return the quoted identifier, e.g. {@code "my ""odd"" table"}
	 */
	public static String quoteIdentifier(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/**
	 * Quote a value as a PostgreSQL string literal for
	 * {@code standard_conforming_strings = on} (the default since PostgreSQL 9.1): wrapped in
	 * single quotes, inner single quotes doubled, backslashes kept as they are.
	 * @param value the value, or {@code null} for {@code NULL}
	 * @return the literal, e.g. {@code 'it''s'}
	 */
	public static String quoteLiteral(@Nullable String value) {
		if (value == null) {
			return "NULL";
		}
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("PostgreSQL strings cannot hold NUL characters");
		}
		return '\'' + value.replace("'", "''") + '\'';
	}

	/**
	 * Append a value as a PostgreSQL escape string literal ({@code E'...'}, single quotes and
	 * backslashes doubled), which means the same whatever {@code standard_conforming_strings}
	 * says; for statements the engine sends as text.
	 * @param sql where to append
	 * @param value the value, or {@code null} for {@code NULL}
	 * @return {@code sql}
	 */
	public static StringBuilder appendEscapeLiteral(StringBuilder sql, @Nullable String value) {
		if (value == null) {
			return sql.append("NULL");
		}
		sql.append("E'");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\0') {
				throw new IllegalArgumentException("PostgreSQL strings cannot hold NUL characters");
			}
			if (c == '\'' || c == '\\') {
				sql.append(c);
			}
			sql.append(c);
		}
		return sql.append('\'');
	}

	/**
	 * Quote a value as a PostgreSQL escape string literal; see
	 * {@link #appendEscapeLiteral(StringBuilder, String)}.
	 * @param value the value, or {@code null} for {@code NULL}
	 * @return the literal, e.g. {@code E'it''s'}
	 */
	public static String quoteEscapeLiteral(@Nullable String value) {
		return appendEscapeLiteral(new StringBuilder(), value).toString();
	}

	/** The schema, or {@code null} when the tables live in the connection's current schema. */
	public @Nullable String schema() {
		return this.schema;
	}

	/** The version table's name, unquoted. */
	public String versionTable() {
		return this.versionTable;
	}

	/** The history table's name, unquoted. */
	public String historyTable() {
		return this.historyTable;
	}

	/** The version table as a quoted, schema-qualified (when a schema is set) identifier. */
	public String qualifiedVersionTable() {
		return qualify(this.versionTable);
	}

	/** The history table as a quoted, schema-qualified (when a schema is set) identifier. */
	public String qualifiedHistoryTable() {
		return qualify(this.historyTable);
	}

	private String qualify(String table) {
		String quoted = quoteIdentifier(table);
		return (this.schema != null) ? quoteIdentifier(this.schema) + "." + quoted : quoted;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof TableNames names)) {
			return false;
		}
		return Objects.equals(this.schema, names.schema) && this.versionTable.equals(names.versionTable)
				&& this.historyTable.equals(names.historyTable);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.schema, this.versionTable, this.historyTable);
	}

	@Override
	public String toString() {
		return "TableNames[schema=" + this.schema + ", versionTable=" + this.versionTable + ", historyTable="
				+ this.historyTable + "]";
	}

}
