package dev.migrate.engine;

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
	static boolean is(ServerError error) {
		String state = (error != null) ? error.sqlState() : null;
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	/**
	 * What to do after losing the connection in a revision.
	 * @param error the error, which {@link #is(ServerError)}
	 * @return the advice, a sentence without its final period
	 */
	static String advice(ServerError error) {
		String cause = switch (error.sqlState()) {
			case "57P01" -> "the server ended the session: pg_terminate_backend(), a fast shutdown or a failover";
			case "57P02" -> "the server crashed and restarts";
			case "57P03" -> "the server is starting up or shutting down";
			default -> "the network, or a server restart or crash, broke it";
		};
		return "The connection to the server was lost (SQLSTATE " + error.sqlState() + ": " + cause
				+ "), so the revision itself is probably fine: run again once the server is back";
	}

}
