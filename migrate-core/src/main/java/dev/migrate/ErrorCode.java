package dev.migrate;

/**
 * What went wrong, in a form programs can switch on. Every {@link MigrateException} carries
 * one.
 */
public enum ErrorCode {

	/** Settings are invalid: a bad schema or table name, a negative timeout, an unknown mode. */
	CONFIGURATION,

	/** A revision location cannot be found or read. */
	LOCATION,

	/** A revision file breaks the file format (header, sections, ids). */
	REVISION_FORMAT,

	/** A revision's SQL cannot be split into statements (unterminated quote, comment or body). */
	SQL_SYNTAX,

	/** A transactional revision contains a statement PostgreSQL refuses to run in a transaction. */
	NON_TRANSACTIONAL_STATEMENT,

	/**
	 * A transactional revision contains a statement that ends, starts or nests its transaction
	 * ({@code COMMIT}, {@code ROLLBACK}, {@code BEGIN}, {@code SAVEPOINT}, ...).
	 */
	TRANSACTION_CONTROL_STATEMENT,

	/** Two revisions share an id. */
	DUPLICATE_REVISION,

	/** A revision names a down revision that does not exist. */
	MISSING_DOWN_REVISION,

	/** The down-revision pointers form a cycle. */
	CYCLE,

	/** A target or revision id matches no revision. */
	UNKNOWN_REVISION,

	/** A revision id prefix matches several revisions. */
	AMBIGUOUS_REVISION,

	/** {@code head} was asked for while the graph has several heads. */
	MULTIPLE_HEADS,

	/** A relative step ({@code +N}, {@code -N}) crosses a branch or merge point. */
	AMBIGUOUS_WALK,

	/** A relative step goes past the base or the heads. */
	RELATIVE_OUT_OF_RANGE,

	/** The target cannot be reached in the requested direction from the current heads. */
	INVALID_TARGET,

	/** A revision without a downgrade section was asked to downgrade. */
	IRREVERSIBLE,

	/** An applied revision was edited after it was applied. */
	CHECKSUM_MISMATCH,

	/** The database is at a revision this build does not know (probably a newer build applied it). */
	UNKNOWN_REVISION_IN_DATABASE,

	/** The version table holds two revisions where one is an ancestor of the other. */
	OVERLAPPING_HEADS,

	/** The version table did not hold the row a step expected (someone else changed it). */
	VERSION_TABLE_CONFLICT,

	/** Another instance held the migration lock past the lock timeout. */
	LOCK_TIMEOUT,

	/** A revision kept hitting {@code lock_timeout} on the objects it changes. */
	DDL_LOCK_TIMEOUT,

	/** A revision's statement failed on the server. */
	REVISION_FAILED,

	/** The database has pending revisions where none are allowed (validate mode, check). */
	PENDING_REVISIONS,

	/** Waiting for another instance to migrate the database took too long. */
	AWAIT_TIMEOUT,

	/** Something cannot be rendered as offline SQL (a Java revision). */
	OFFLINE_UNSUPPORTED,

	/** The database refused the user name or password (SQLSTATE 28P01 or 28000). */
	AUTHENTICATION_FAILED,

	/** The database the connection names does not exist on the server (SQLSTATE 3D000). */
	DATABASE_NOT_FOUND,

	/**
	 * The database server could not be reached: refused or timed-out connection, unknown host,
	 * or a server starting up or shutting down.
	 */
	DATABASE_UNREACHABLE,

	/** The database could not be reached or answered with an unexpected error. */
	DATABASE,

	/**
	 * A desired-schema file (the desired schema) cannot be read, is not a schema script, or fails to
	 * apply into the shadow database.
	 */
	DESIRED_SCHEMA,

	/** The live database's schema differs from what its revisions create (the drift check). */
	SCHEMA_DRIFT

}
