package dev.migrate.engine;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;

/**
 * Why a connection could not be opened, told apart so that the failure says what to check:
 * the credentials (SQLSTATE 28P01, 28000), the database name (3D000), or whether the server
 * can be reached at all (class 08, 57P03, refused or timed-out sockets, unknown hosts).
 */
enum ConnectionFailure {

	/** The server refused the user name or password. */
	AUTHENTICATION(ErrorCode.AUTHENTICATION_FAILED) {

		@Override
		String what(String database) {
			return "The database at " + database + " refused the credentials";
		}

		@Override
		String action(Vocabulary vocabulary) {
			return "Check the user name and password (" + vocabulary.setting(Setting.CONNECTION)
					+ "), and that pg_hba.conf lets this user connect to this database from this host";
		}

	},

	/** The server runs but has no database of that name. */
	UNKNOWN_DATABASE(ErrorCode.DATABASE_NOT_FOUND) {

		@Override
		String what(String database) {
			return "The database named in " + database + " does not exist on that server";
		}

		@Override
		String action(Vocabulary vocabulary) {
			return "Check the database name in " + vocabulary.setting(Setting.URL)
					+ ", or create the database (CREATE DATABASE ...) before migrating";
		}

	},

	/** Nothing answered, or the server is not accepting connections yet. */
	UNREACHABLE(ErrorCode.DATABASE_UNREACHABLE) {

		@Override
		String what(String database) {
			return "Could not reach the database server at " + database;
		}

		@Override
		String action(Vocabulary vocabulary) {
			return "Check the host and port in " + vocabulary.setting(Setting.URL)
					+ ", that PostgreSQL is running there and accepts TCP connections from this host "
					+ "(listen_addresses, firewalls); to wait for a database that starts after this process, set "
					+ vocabulary.setting(Setting.CONNECT_RETRIES);
		}

	},

	/** Any other reason. */
	OTHER(ErrorCode.DATABASE) {

		@Override
		String what(String database) {
			return "Could not connect to " + database;
		}

		@Override
		String action(Vocabulary vocabulary) {
			return "Check the connection settings (" + vocabulary.setting(Setting.URL) + "; "
					+ vocabulary.setting(Setting.CONNECTION) + ")";
		}

	};

	private final ErrorCode code;

	ConnectionFailure(ErrorCode code) {
		this.code = code;
	}

	/** The sentence that says what happened, naming the database. */
	abstract String what(String database);

	/** What to check, in the caller's words. */
	abstract String action(Vocabulary vocabulary);

	/**
	 * Tell why a connection could not be opened.
	 * @param failure what opening the connection threw (a pool may wrap the driver's exception)
	 * @return the reason
	 */
	static ConnectionFailure of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				ConnectionFailure reason = ofSqlState(sql.getSQLState());
				if (reason != OTHER) {
					return reason;
				}
			}
			if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return UNREACHABLE;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return OTHER;
	}

	private static ConnectionFailure ofSqlState(String sqlState) {
		if (sqlState.equals("28P01") || sqlState.equals("28000")) {
			return AUTHENTICATION;
		}
		if (sqlState.equals("3D000")) {
			return UNKNOWN_DATABASE;
		}
		if (sqlState.startsWith("08") || sqlState.equals("57P03")) {
			return UNREACHABLE;
		}
		return OTHER;
	}

	/**
	 * The exception to throw.
	 * @param failure what opening the connection threw
	 * @param database the redacted description of the database
	 * @param vocabulary how the caller names settings
	 * @return the exception
	 */
	MigrateException exception(Throwable failure, String database, Vocabulary vocabulary) {
		return new MigrateException(this.code, what(database) + ": " + reason(failure), action(vocabulary), failure);
	}

	/** The driver's words: the deepest SQL exception's SQLSTATE and message, else the message. */
	static String reason(Throwable failure) {
		SQLException sql = null;
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException candidate) {
				sql = candidate;
			}
		}
		if (sql != null) {
			ServerError error = ServerError.of(sql);
			return ((error.sqlState() != null) ? "SQLSTATE " + error.sqlState() + ": " : "") + error.text();
		}
		return String.valueOf(failure.getMessage());
	}

}
