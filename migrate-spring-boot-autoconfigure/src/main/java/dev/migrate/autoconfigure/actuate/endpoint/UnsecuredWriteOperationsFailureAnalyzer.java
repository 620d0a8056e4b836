package dev.migrate.autoconfigure.actuate.endpoint;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link UnsecuredWriteOperationsException}: what is exposed, and the three ways
 * out (secure it, make it read-only, or accept the risk with the unsafe property).
 */
final class UnsecuredWriteOperationsFailureAnalyzer extends AbstractFailureAnalyzer<UnsecuredWriteOperationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsecuredWriteOperationsException cause) {
		String description = "The write operations of /actuator/migrations (upgrade, downgrade, stamp) are enabled "
				+ "(management.endpoint.migrations.access=unrestricted), but Spring Security is not on the class path, "
				+ "so anyone who can reach the endpoint could migrate, downgrade or stamp the database.";
		String action = "Do one of these:\n"
				+ "  - add spring-boot-starter-security and let only principals with role " + cause.role()
				+ " (migrate.endpoint.write-role) call them; see \"Securing the endpoint\" in migrate's README;\n"
				+ "  - set management.endpoint.migrations.access=read-only and migrate with --migrate.command or "
				+ "the migrate CLI instead;\n"
				+ "  - if only trusted callers can reach the management port, accept the risk with "
				+ "migrate.endpoint.unsafe-allow-anonymous-writes=true.";
		return new FailureAnalysis(description, action, cause);
	}

}
