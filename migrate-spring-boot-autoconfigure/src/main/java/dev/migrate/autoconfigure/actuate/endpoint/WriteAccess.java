package dev.migrate.autoconfigure.actuate.endpoint;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;

import dev.migrate.autoconfigure.SpringBootVocabulary;

/**
 * Who may call the endpoint's write operations: an authenticated principal in the write role
 * ({@code migrate.endpoint.write-role}, checked through the endpoint's {@link SecurityContext},
 * so Spring Security's authorities with the {@code ROLE_} prefix), or anyone when
 * {@code migrate.endpoint.unsafe-allow-anonymous-writes} is set.
 *
 * @param role the role, without the {@code ROLE_} prefix
 * @param allowAnonymous whether anyone may call them
 */
public record WriteAccess(String role, boolean allowAnonymous) {

	/** The default: principals in role {@code MIGRATE_ADMIN}. */
	public static final WriteAccess DEFAULT = new WriteAccess("MIGRATE_ADMIN", false);

	/** Why a caller may not write. */
	enum Denial {

		/** No authenticated principal. */
		UNAUTHENTICATED,

		/** A principal without the role. */
		FORBIDDEN

	}

	/**
	 * Check a caller.
	 * @param context the caller's security context
	 * @return why it may not write, or {@code null} when it may
	 */
	@Nullable Denial check(SecurityContext context) {
		if (this.allowAnonymous) {
			return null;
		}
		Principal principal = (context != null) ? context.getPrincipal() : null;
		if (principal == null) {
			return Denial.UNAUTHENTICATED;
		}
		return context.isUserInRole(this.role) ? null : Denial.FORBIDDEN;
	}

	/** The sentence that tells a denied caller what is needed. */
	String explain(Denial denial) {
		return switch (denial) {
			case UNAUTHENTICATED -> "Write operations of /actuator/migrations need an authenticated principal with "
					+ "role " + this.role + " (" + SpringBootVocabulary.ENDPOINT_WRITE_ROLE + "); this request had none";
			case FORBIDDEN -> "Write operations of /actuator/migrations need role " + this.role
					+ " (" + SpringBootVocabulary.ENDPOINT_WRITE_ROLE + "), which this principal does not have";
		};
	}

}
