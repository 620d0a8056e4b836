package dev.migrate.engine;

import java.sql.SQLException;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;

/**
 * Turns a {@link SQLException} outside a revision's statements (reading or writing the tables,
 * the lock) into a {@link MigrateException} that says what was being done.
 */
final class DatabaseErrors {

	private DatabaseErrors() {
	}

	/**
	 * Wrap an exception.
	 * @param ex the exception
	 * @param doing what was being done, e.g. {@code reading public.migrate_version}
	 * @param vocabulary how the caller names the connection setting, for a missing privilege
	 * @return the exception to throw
	 */
	static MigrateException wrap(SQLException ex, String doing, Vocabulary vocabulary) {
		ServerError error = ServerError.of(ex);
		String action = InsufficientPrivilege.is(error) ? InsufficientPrivilege.action(error, vocabulary)
				: "Check that the database is reachable and that the migration user may read and write these tables";
		return new MigrateException(ErrorCode.DATABASE,
				"Database error while " + doing + ": "
						+ ((error.sqlState() != null) ? "SQLSTATE " + error.sqlState() + ": " : "") + error.text(),
				action, ex);
	}

}
