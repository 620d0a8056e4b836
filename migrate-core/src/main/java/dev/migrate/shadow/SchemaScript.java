package dev.migrate.shadow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.PsqlMetaCommands;
import dev.migrate.sql.PsqlMetaCommands.MetaCommand;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;

/**
 * A desired schema as SQL: a hand-kept {@code schema.sql}, the output of
 * {@code pg_dump --schema-only}, or a script generated from an entity model. It is applied into
 * an empty shadow database the way psql would run it, in autocommit, one statement after the
 * other on one connection, except that:
 * <ul>
 * <li>psql meta-command lines ({@code \restrict}, <code>&#92;unrestrict</code>, {@code \set} ...) are
 * skipped, and {@code \connect} is refused;</li>
 * <li>ownership and privileges ({@code ALTER ... OWNER TO}, {@code GRANT}, {@code REVOKE},
 * {@code ALTER DEFAULT PRIVILEGES}) are skipped: they are not compared, and the roles they name
 * may not exist where the shadow is;</li>
 * <li>data ({@code COPY ... FROM stdin}) and databases ({@code CREATE DATABASE},
 * {@code ALTER DATABASE}) are refused before anything runs.</li>
 * </ul>
 * The session settings a script changes ({@code SET}, {@code set_config('search_path', '',
 * false)}) stay on the connection it runs on, which is closed afterwards.
 */
public final class SchemaScript {

	private static final Pattern OWNER_TO = Pattern.compile(
			"(?is)ALTER\\s.*\\sOWNER\\s+TO\\s+(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s*");

	private static final Pattern PRIVILEGES = Pattern.compile("(?is)(GRANT|REVOKE|ALTER\\s+DEFAULT\\s+PRIVILEGES)\\s.*");

	private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\s.*\\sFROM\\s+stdin\\b.*");

	private static final Pattern DATABASE = Pattern.compile("(?is)(CREATE|ALTER|DROP)\\s+DATABASE\\s.*");

	private final String source;

	private final List<SqlStatement> statements;

	private SchemaScript(String source, List<SqlStatement> statements) {
		this.source = source;
		this.statements = List.copyOf(statements);
	}

	/**
	 * Read a script from a file.
	 * @param file the file
	 * @return the script
	 * @throws MigrateException with {@link ErrorCode#DESIRED_SCHEMA} when it cannot be read or
	 * holds something other than a schema, naming the file and line
	 */
	public static SchemaScript read(Path file) {
		Objects.requireNonNull(file, "'file' must not be null");
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrateException(ErrorCode.DESIRED_SCHEMA,
					"Cannot read the desired schema file " + file + ": " + ex.getMessage(),
					"Pass the path of a schema.sql or of a pg_dump --schema-only output", ex);
		}
		return of(file.toString(), text);
	}

	/**
	 * A script from text.
	 * @param source where the text comes from, for messages
	 * @param text the script
	 * @return the script
	 * @throws MigrateException with {@link ErrorCode#DESIRED_SCHEMA} or
	 * {@link ErrorCode#SQL_SYNTAX} when it holds something other than a schema, naming the line
	 */
	public static SchemaScript of(String source, String text) {
		Objects.requireNonNull(source, "'source' must not be null");
		PsqlMetaCommands.Stripped stripped = PsqlMetaCommands.strip(text.replace("\r\n", "\n"));
		for (MetaCommand command : stripped.commands()) {
			if (command.name().equals("connect") || command.name().equals("c")) {
				throw notASchema(source, command.line(), command.text() + " switches to another database",
						"dump without --create (-C)");
			}
		}
		List<SqlStatement> statements = new ArrayList<>();
		for (SqlStatement statement : SqlSplitter.split(stripped.sql(), source, 1)) {
			String sql = statement.sql();
			if (COPY_FROM_STDIN.matcher(sql).matches()) {
				throw notASchema(source, statement.line(), "COPY ... FROM stdin loads data",
						"dump the schema only: pg_dump --schema-only");
			}
			if (DATABASE.matcher(sql).matches()) {
				throw notASchema(source, statement.line(), firstLine(sql) + " works on a whole database",
						"dump without --create (-C), and keep only the schema's statements");
			}
			if (!OWNER_TO.matcher(sql).matches() && !PRIVILEGES.matcher(sql).matches()) {
				statements.add(statement);
			}
		}
		return new SchemaScript(source, statements);
	}

	private static MigrateException notASchema(String source, int line, String found, String action) {
		return new MigrateException(ErrorCode.DESIRED_SCHEMA,
				source + ":" + line + ": " + found + "; a desired schema file holds only the schema's statements",
				"Use a hand-kept schema.sql or a pg_dump --schema-only output (" + action + ")");
	}

	/** Where the script comes from. */
	public String source() {
		return this.source;
	}

	/** The statements that are applied, in order (without skipped ownership and privileges). */
	public List<SqlStatement> statements() {
		return this.statements;
	}

	/**
	 * Apply scripts in order into a database, each on a connection of its own.
	 * @param scripts the scripts
	 * @param database the (shadow) database
	 * @throws MigrateException with {@link ErrorCode#DESIRED_SCHEMA} naming the file, line and
	 * statement that failed
	 */
	public static void applyAll(List<SchemaScript> scripts, DataSource database) {
		for (SchemaScript script : scripts) {
			script.applyTo(database);
		}
	}

	/**
	 * Apply this script into a database on a connection of its own, closed afterwards.
	 * @param database the (shadow) database
	 * @throws MigrateException with {@link ErrorCode#DESIRED_SCHEMA} naming the file, line and
	 * statement that failed
	 */
	public void applyTo(DataSource database) {
		SqlStatement current = null;
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			for (SqlStatement each : this.statements) {
				current = each;
				statement.execute(each.sql());
			}
		}
		catch (SQLException ex) {
			if (current == null) {
				throw new MigrateException(ErrorCode.DATABASE,
						"Cannot connect to the shadow database to apply " + this.source + ": " + ex.getMessage(),
						"Check the connection", ex);
			}
			throw new MigrateException(ErrorCode.DESIRED_SCHEMA,
					this.source + ":" + current.line() + ": " + firstLine(current.sql()) + " failed in the shadow "
							+ "database: " + ex.getMessage().strip(),
					"Fix the statement: the file is applied to an empty database, in order, as psql would run it "
							+ "(objects it uses must be created before it, extensions must be available on the server)",
					ex);
		}
	}

	private static String firstLine(String sql) {
		String line = sql.strip().lines().findFirst().orElse("");
		return (line.length() > 80) ? line.substring(0, 77) + "..." : line;
	}

	@Override
	public String toString() {
		return this.source + " (" + this.statements.size() + " statements)";
	}

}
