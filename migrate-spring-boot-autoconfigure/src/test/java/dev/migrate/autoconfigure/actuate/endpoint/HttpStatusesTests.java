package dev.migrate.autoconfigure.actuate.endpoint;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;

import dev.migrate.ErrorCode;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.RunDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP status of each kind of write result, and who {@link WriteAccess} admits.
 */
class HttpStatusesTests {

	@Test
	void successIs200() {
		assertThat(HttpStatuses.of(result("SUCCESS", null))).isEqualTo(200);
	}

	@Test
	void badTargetsAndRequestsAre400() {
		for (String code : List.of("UNKNOWN_REVISION", "INVALID_TARGET", "RELATIVE_OUT_OF_RANGE", "BAD_REQUEST")) {
			assertThat(HttpStatuses.of(result("REFUSED", code))).as(code).isEqualTo(400);
		}
	}

	@Test
	void commandsTheStateRefusesAre409() {
		for (ErrorCode code : List.of(ErrorCode.MULTIPLE_HEADS, ErrorCode.AMBIGUOUS_REVISION, ErrorCode.AMBIGUOUS_WALK,
				ErrorCode.LOCK_TIMEOUT, ErrorCode.CHECKSUM_MISMATCH, ErrorCode.UNKNOWN_REVISION_IN_DATABASE,
				ErrorCode.OVERLAPPING_HEADS, ErrorCode.VERSION_TABLE_CONFLICT, ErrorCode.IRREVERSIBLE)) {
			assertThat(HttpStatuses.of(result("REFUSED", code.name()))).as(code.name()).isEqualTo(409);
		}
	}

	@Test
	void failuresAre500AndAnUnreachableDatabase503() {
		assertThat(HttpStatuses.of(result("FAILURE", "REVISION_FAILED"))).isEqualTo(500);
		assertThat(HttpStatuses.of(result("FAILURE", "DDL_LOCK_TIMEOUT"))).isEqualTo(500);
		assertThat(HttpStatuses.of(result("REFUSED", "DATABASE"))).isEqualTo(500);
		assertThat(HttpStatuses.of(result("REFUSED", "DATABASE_UNREACHABLE"))).isEqualTo(503);
		assertThat(HttpStatuses.of(result("FAILURE", "SOMETHING_NEW"))).isEqualTo(500);
	}

	@Test
	void deniedCallersAre401Or403() {
		assertThat(HttpStatuses.of(result("DENIED", "UNAUTHENTICATED"))).isEqualTo(401);
		assertThat(HttpStatuses.of(result("DENIED", "FORBIDDEN"))).isEqualTo(403);
	}

	@Test
	void writeAccessWantsAPrincipalInTheRoleUnlessAnonymousWritesAreAllowed() {
		WriteAccess access = new WriteAccess("MIGRATE_ADMIN", false);
		assertThat(access.check(SecurityContext.NONE)).isEqualTo(WriteAccess.Denial.UNAUTHENTICATED);
		assertThat(access.check(caller("viewer", Set.of("VIEWER")))).isEqualTo(WriteAccess.Denial.FORBIDDEN);
		assertThat(access.check(caller("ops", Set.of("MIGRATE_ADMIN")))).isNull();
		assertThat(new WriteAccess("MIGRATE_ADMIN", true).check(SecurityContext.NONE)).isNull();
		assertThat(access.explain(WriteAccess.Denial.FORBIDDEN)).contains("role MIGRATE_ADMIN",
				"migrate.endpoint.write-role");
	}

	private static RunDescriptor result(String outcome, String code) {
		return new RunDescriptor("upgrade", "heads", outcome, code, List.of(), List.of(), 1, null);
	}

	private static SecurityContext caller(String name, Set<String> roles) {
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return () -> name;
			}

			@Override
			public boolean isUserInRole(String role) {
				return roles.contains(role);
			}

		};
	}

}
