package dev.migrate.autoconfigure.actuate.endpoint;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.util.ClassUtils;

import dev.migrate.autoconfigure.SpringBootVocabulary;

/**
 * Decides at startup whether the endpoint's write operations may be enabled: with Spring
 * Security on the class path they are (and {@link WriteAccess} checks each caller); without it
 * startup fails unless {@code migrate.endpoint.unsafe-allow-anonymous-writes} is set, which is
 * then logged as a warning.
 */
public final class WriteOperationsGuard {

	private static final Log logger = LogFactory.getLog(WriteOperationsGuard.class);

	private static final String[] SPRING_SECURITY_WEB = { "org.springframework.security.web.SecurityFilterChain",
			"org.springframework.security.web.server.SecurityWebFilterChain" };

	private WriteOperationsGuard() {
	}

	/**
	 * Check the configuration.
	 * @param access the endpoint's access level
	 * @param writeAccess who may write
	 * @param classLoader the application's class loader
	 * @throws UnsecuredWriteOperationsException when writes are enabled without a way to secure
	 * them and without the unsafe opt-out
	 */
	public static void check(Access access, WriteAccess writeAccess, ClassLoader classLoader) {
		if (access != Access.UNRESTRICTED) {
			return;
		}
		if (writeAccess.allowAnonymous()) {
			logger.warn("The write operations of /actuator/migrations (upgrade, downgrade, stamp) accept anonymous "
					+ "callers (" + SpringBootVocabulary.ENDPOINT_UNSAFE_ALLOW_ANONYMOUS_WRITES + "=true): anyone who reaches the "
					+ "management port can change the database");
			return;
		}
		if (!springSecurityPresent(classLoader)) {
			throw new UnsecuredWriteOperationsException(writeAccess.role());
		}
	}

	private static boolean springSecurityPresent(ClassLoader classLoader) {
		for (String type : SPRING_SECURITY_WEB) {
			if (ClassUtils.isPresent(type, classLoader)) {
				return true;
			}
		}
		return false;
	}

}
