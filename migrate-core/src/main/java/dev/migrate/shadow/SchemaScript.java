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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.NonTransactionalStatements;
import dev.migrate.sql.PsqlMetaCommands;
import dev.migrate.sql.PsqlMetaCommands.MetaCommand;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import dev.migrate.sql.TransactionControlStatements;

/**
 * A desired schema as SQL: a hand-kept {@code schema.sql}, the output of
 * {@code pg_dump --schema-only}, or a script generated from an entity model. It is applied into
 * an empty shadow database with the result psql would give, one statement after the other on one
 * connection, except that:
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
 * <p>
 * For speed, the statements between those PostgreSQL refuses in a transaction block (such as
 * {@code CREATE INDEX CONCURRENTLY}, which run on their own in between, in order) are sent in
 * one transaction, in batches, instead of one commit and one round trip each. When such a
 * transaction fails, it is rolled back and its statements are applied again one at a time in
 * autocommit, as psql would: that names the statement that fails, or applies a script that
 * only works outside a transaction. A script that controls transactions itself ({@code BEGIN},
 * {@code COMMIT}, {@code SET LOCAL} ...) is applied one statement at a time in autocommit.
 */
public final class SchemaScript {

	private static final Pattern OWNER_TO = Pattern.compile(
			"(?is)ALTER\\s.*\\sOWNER\\s+TO\\s+(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s*");

	private static final Pattern PRIVILEGES = Pattern.compile("(?is)(GRANT|REVOKE|ALTER\\s+DEFAULT\\s+PRIVILEGES)\\s.*");

	private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\s.*\\sFROM\\s+stdin\\b.*");

	private static final Pattern DATABASE = Pattern.compile("(?is)(CREATE|ALTER|DROP)\\s+DATABASE\\s.*");

	private static final Pattern TRANSACTION_SCOPED_SETTING = Pattern.compile("(?is)SET\\s+(LOCAL|TRANSACTION)\\s.*");

	private static final Pattern RETURNS_ROWS = Pattern.compile(
			"(?is)[(\\s]*(SELECT|WITH|VALUES|TABLE|SHOW|EXPLAIN|CALL|FETCH)\\b.*");

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.shadow");

	private final String source;

	private final List<SqlStatement> statements;

	private final List<Run> runs;

	private SchemaScript(String source, List<SqlStatement> statements) {
		this.source = source;
		this.statements = List.copyOf(statements);
		this.runs = Run.of(this.statements);
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
		Connection connection;
		try {
			connection = database.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrateException(ErrorCode.DATABASE,
					"Cannot connect to the shadow database to apply " + this.source + ": " + ex.getMessage(),
					"Check the connection", ex);
		}
		try (connection; Statement statement = connection.createStatement()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			for (Run run : this.runs) {
				if (run.inTransaction()) {
					applyInTransaction(connection, statement, run.statements());
				}
				else {
					applyEach(statement, run.statements());
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrateException(ErrorCode.DATABASE,
					"Lost the connection to the shadow database while applying " + this.source + ": " + ex.getMessage(),
					"Check the connection", ex);
		}
	}

	private void applyInTransaction(Connection connection, Statement statement, List<SqlStatement> run)
			throws SQLException {
		connection.setAutoCommit(false);
		try {
			executeBatched(statement, run);
			connection.commit();
		}
		catch (SQLException ex) {
			statement.clearBatch();
			try {
				connection.rollback();
			}
			catch (SQLException rollback) {
				rollback.addSuppressed(ex);
				throw rollback;
			}
			connection.setAutoCommit(true);
			logger.debug("Applying {} from line {} in one transaction failed ({}); applying it one statement at a "
					+ "time", this.source, run.get(0).line(), ex.getMessage());
			applyEach(statement, run);
			return;
		}
		connection.setAutoCommit(true);
	}

	private static void executeBatched(Statement statement, List<SqlStatement> run) throws SQLException {
		boolean pending = false;
		for (SqlStatement each : run) {
			if (RETURNS_ROWS.matcher(each.sql()).matches()) {
				if (pending) {
					statement.executeBatch();
					pending = false;
				}
				statement.execute(each.sql());
			}
			else {
				statement.addBatch(each.sql());
				pending = true;
			}
		}
		if (pending) {
			statement.executeBatch();
		}
	}

	private void applyEach(Statement statement, List<SqlStatement> run) {
		for (SqlStatement each : run) {
			try {
				statement.execute(each.sql());
			}
			catch (SQLException ex) {
				throw new MigrateException(ErrorCode.DESIRED_SCHEMA,
						this.source + ":" + each.line() + ": " + firstLine(each.sql()) + " failed in the shadow "
								+ "database: " + Objects.toString(ex.getMessage(), ex.toString()).strip(),
						"Fix the statement: the file is applied to an empty database, in order, as psql would run it "
								+ "(objects it uses must be created before it, extensions must be available on the "
								+ "server)",
						ex);
			}
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

	/**
	 * Consecutive statements applied together: in one transaction, or one at a time in
	 * autocommit.
	 *
	 * @param statements the statements in order
	 * @param inTransaction whether they are applied in one transaction
	 */
	private record Run(List<SqlStatement> statements, boolean inTransaction) {

		/**
		 * The runs of a script: each statement PostgreSQL refuses in a transaction block on its
		 * own, the statements between them in one transaction; a script that controls
		 * transactions itself is one run in autocommit.
		 */
		static List<Run> of(List<SqlStatement> statements) {
			for (SqlStatement statement : statements) {
				if (TransactionControlStatements.find(statement).isPresent()
						|| TRANSACTION_SCOPED_SETTING.matcher(statement.sql()).matches()) {
					return List.of(new Run(statements, false));
				}
			}
			List<Run> runs = new ArrayList<>();
			List<SqlStatement> current = new ArrayList<>();
			for (SqlStatement statement : statements) {
				if (NonTransactionalStatements.find(statement).isPresent()) {
					if (!current.isEmpty()) {
						runs.add(new Run(List.copyOf(current), true));
						current.clear();
					}
					runs.add(new Run(List.of(statement), false));
				}
				else {
					current.add(statement);
				}
			}
			if (!current.isEmpty()) {
				runs.add(new Run(List.copyOf(current), true));
			}
			return List.copyOf(runs);
		}

	}

}
