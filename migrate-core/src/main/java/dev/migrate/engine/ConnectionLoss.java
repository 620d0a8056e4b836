package dev.migrate.engine;

import java.net.SocketTimeoutException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;

/**
 * Errors that mean the connection to the server was lost, not that a statement was wrong:
 * SQLSTATE class 08 (connection exception), 57P01 ({@code admin_shutdown}: the session was
 * terminated), 57P02 ({@code crash_shutdown}) and 57P03 ({@code cannot_connect_now}: the server
 * is starting or shutting down).
 */
final class ConnectionLoss {

	private ConnectionLoss() {
	}

	/**
	 * Whether the error means the connection was lost.
	 * @param error the error, or {@code null}
	 * @return whether it does
	 */
	static boolean is(@Nullable ServerError error) {
		String state = (error != null) ? error.sqlState() : null;
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	/**
	 * What to do after losing the connection in a revision.
	 * @param error the error, which {@link #is(ServerError)}
	 * @param cause the exception, to tell a network timeout
	 * @param vocabulary how the caller names the network timeout setting
	 * @return the advice, a sentence without its final period
	 */
	static String advice(ServerError error, @Nullable Throwable cause, Vocabulary vocabulary) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof SocketTimeoutException) {
				return "The server did not answer within the network timeout, so migrate closed the connection (the "
						+ "server ends the statement when it notices): the server is frozen or unreachable, or a "
						+ "statement ran longer than " + vocabulary.setting(Setting.NETWORK_TIMEOUT) + " allows. Raise "
						+ "it if the statement legitimately runs longer; otherwise run again once the server answers";
			}
		}
		return advice(error);
	}

	private static String advice(ServerError error) {
		// is(error) held, so there is a SQLSTATE
		String cause = switch (Objects.requireNonNull(error.sqlState())) {
			case "57P01" -> "the server ended the session: pg_terminate_backend(), a fast shutdown or a failover";
			case "57P02" -> "the server crashed and restarts";
			case "57P03" -> "the server is starting up or shutting down";
			default -> "the network, or a server restart or crash, broke it";
		};
		return "The connection to the server was lost (SQLSTATE " + error.sqlState() + ": " + cause
				+ "), so the revision itself is probably fine: run again once the server is back";
	}

}
