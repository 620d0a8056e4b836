package dev.migrate.autoconfigure.actuate.endpoint;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.migrate.ErrorCode;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.RunDescriptor;

/**
 * The HTTP status of a write operation's result: {@code 200} success, {@code 400} a bad request
 * or target, {@code 401}/{@code 403} a caller who may not write, {@code 409} a command the
 * current state refuses, {@code 503} a database that cannot be reached, {@code 500} any other
 * failure.
 */
final class HttpStatuses {

	static final int CONFLICT = 409;

	private static final int UNAUTHORIZED = 401;

	private static final int FORBIDDEN = 403;

	private HttpStatuses() {
	}

	static int of(RunDescriptor result) {
		if (Outcome.SUCCESS.name().equals(result.outcome())) {
			return WebEndpointResponse.STATUS_OK;
		}
		String code = result.code();
		if (MigrationsEndpoint.DENIED.equals(result.outcome())) {
			return WriteAccess.Denial.UNAUTHENTICATED.name().equals(code) ? UNAUTHORIZED : FORBIDDEN;
		}
		if (MigrationsEndpoint.BAD_REQUEST.equals(code)) {
			return WebEndpointResponse.STATUS_BAD_REQUEST;
		}
		ErrorCode error = errorCode(code);
		if (error == null) {
			return WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
		}
		return switch (error) {
			case UNKNOWN_REVISION, INVALID_TARGET, RELATIVE_OUT_OF_RANGE, CONFIGURATION ->
				WebEndpointResponse.STATUS_BAD_REQUEST;
			case MULTIPLE_HEADS, AMBIGUOUS_REVISION, AMBIGUOUS_WALK, IRREVERSIBLE, LOCK_TIMEOUT, VERSION_TABLE_CONFLICT,
					OVERLAPPING_HEADS, UNKNOWN_REVISION_IN_DATABASE, CHECKSUM_MISMATCH, PENDING_REVISIONS ->
				CONFLICT;
			case DATABASE_UNREACHABLE -> WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE;
			default -> WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
		};
	}

	private static ErrorCode errorCode(String code) {
		try {
			return (code != null) ? ErrorCode.valueOf(code) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
