package dev.migrate.autoconfigure.actuate.endpoint;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.autoconfigure.SpringBootVocabulary;

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
				+ " (" + SpringBootVocabulary.ENDPOINT_WRITE_ROLE
				+ ") call them; see \"Securing the endpoint\" in migrate's README;\n"
				+ "  - set management.endpoint.migrations.access=read-only and migrate with --" + SpringBootVocabulary.COMMAND
				+ " or "
				+ "the migrate CLI instead;\n"
				+ "  - if only trusted callers can reach the management port, accept the risk with "
				+ SpringBootVocabulary.ENDPOINT_UNSAFE_ALLOW_ANONYMOUS_WRITES + "=true.";
		return new FailureAnalysis(description, action, cause);
	}

}
