package dev.migrate.table;

import org.jspecify.annotations.Nullable;

/**
 * SQL text for the history table: an append-only record of every upgrade, downgrade, stamp and
 * accepted checksum, one row per step.
 *
 * <p>
 * Methods without arguments return one statement without a terminating semicolon, for JDBC.
 * {@link #insert(String, String, String, String, String)} renders a literal statement,
 * terminated by a semicolon, for offline scripts.
 */
public final class HistoryTableSql {

	/** Direction value of a row recording an upgrade. */
	public static final String UPGRADE = "upgrade";

	/** Direction value of a row recording a downgrade. */
	public static final String DOWNGRADE = "downgrade";

	/** Direction value of a row recording a stamp. */
	public static final String STAMP = "stamp";

	/** Direction value of a row recording that an edited revision's new checksum was accepted. */
	public static final String ACCEPT_CHECKSUM = "accept_checksum";

	private static final String INSERT_COLUMNS = "revision, direction, message, checksum, started_at, finished_at, "
			+ "execution_ms, success, error, instance";

	private final TableNames names;

	private final String table;

	/**
	 * Create the SQL for the history table of the given names.
	 * @param names the validated names
	 */
	public HistoryTableSql(TableNames names) {
		this.names = names;
		this.table = names.qualifiedHistoryTable();
	}

	/** The names this SQL is for. */
	public TableNames names() {
		return this.names;
	}

	/** {@code CREATE TABLE IF NOT EXISTS} with the history columns. */
	public String createIfNotExists() {
		return "CREATE TABLE IF NOT EXISTS " + this.table + " (\n" //
				+ "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n" //
				+ "    revision varchar(32),\n" //
				+ "    direction varchar(16) NOT NULL,\n" //
				+ "    message text,\n" //
				+ "    checksum varchar(64),\n" //
				+ "    started_at timestamptz NOT NULL,\n" //
				+ "    finished_at timestamptz NOT NULL,\n" //
				+ "    execution_ms bigint NOT NULL,\n" //
				+ "    success boolean NOT NULL,\n" //
				+ "    error text,\n" //
				+ "    database_user text NOT NULL DEFAULT current_user,\n" //
				+ "    instance text\n" //
				+ ")";
	}

	/**
	 * Prepared insert of one row, with ten parameters in this order: {@code revision},
	 * {@code direction}, {@code message}, {@code checksum}, {@code started_at},
	 * {@code finished_at}, {@code execution_ms}, {@code success}, {@code error},
	 * {@code instance}. {@code id} and {@code database_user} are filled by the database.
	 */
	public String insert() {
		return "INSERT INTO " + this.table + " (" + INSERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	}

	/**
	 * Insert of one row per row of a query that gives the ten values of {@link #insert()} in the
	 * same order (e.g. {@code SELECT $3, $4, ... FROM changed} in a statement prepared with SQL
	 * {@code PREPARE}).
	 * @param query the query
	 * @return the statement, without a semicolon
	 */
	public String insertFrom(String query) {
		return "INSERT INTO " + this.table + " (" + INSERT_COLUMNS + ") " + query;
	}

	/**
	 * Offline insert of a successful step's row: times are {@code now()} (the time the script
	 * runs), {@code execution_ms} is 0 and {@code error} is {@code NULL}.
	 * @param revision the revision, or {@code null} (a stamp to base)
	 * @param direction one of {@link #UPGRADE}, {@link #DOWNGRADE}, {@link #STAMP},
	 * {@link #ACCEPT_CHECKSUM}
	 * @param message the revision's message, or {@code null}
	 * @param checksum the revision's checksum, or {@code null}
	 * @param instance the application instance, or {@code null}
	 * @return the statement with its semicolon
	 */
	public String insert(@Nullable String revision, String direction, @Nullable String message,
			@Nullable String checksum, @Nullable String instance) {
		return "INSERT INTO " + this.table + " (" + INSERT_COLUMNS + ") VALUES (" + TableNames.quoteLiteral(revision)
				+ ", " + TableNames.quoteLiteral(direction) + ", " + TableNames.quoteLiteral(message) + ", "
				+ TableNames.quoteLiteral(checksum) + ", now(), now(), 0, true, NULL, "
				+ TableNames.quoteLiteral(instance) + ");";
	}

	/** Select every row, oldest first, with all twelve columns in table order. */
	public String selectAll() {
		return "SELECT id, revision, direction, message, checksum, started_at, finished_at, execution_ms, success, "
				+ "error, database_user, instance FROM " + this.table + " ORDER BY id";
	}

}
