package dev.migrate.autoconfigure.web;

import org.springframework.core.env.Environment;

/**
 * Tells management requests (actuator endpoints) from application requests, for the traffic
 * gate: requests on a separate management port, or under
 * {@code management.endpoints.web.base-path} (default {@code /actuator}) on the application
 * port.
 */
final class ManagementRequests {

	static final int RETRY_AFTER_SECONDS = 5;

	static final String BODY = "{\"status\":503,\"error\":\"Service Unavailable\","
			+ "\"message\":\"Database migration in progress; retry later\"}";

	private final Environment environment;

	private final String basePath;

	ManagementRequests(Environment environment) {
		this.environment = environment;
		this.basePath = normalize(environment.getProperty("management.endpoints.web.base-path", "/actuator"));
	}

	/**
	 * Whether a request is a management request.
	 * @param path the request path within the application (context path removed)
	 * @param localPort the port the request arrived on
	 * @return whether it goes to the management endpoints
	 */
	boolean isManagement(String path, int localPort) {
		Integer managementPort = separateManagementPort();
		if (managementPort != null) {
			return localPort == managementPort;
		}
		if (this.basePath.isEmpty()) {
			// endpoints mapped at the root of the application port: they cannot be told apart
			return true;
		}
		return path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

	private Integer separateManagementPort() {
		Integer port = this.environment.getProperty("local.management.port", Integer.class);
		if (port == null) {
			port = this.environment.getProperty("management.server.port", Integer.class);
		}
		if (port == null || port <= 0) {
			return null;
		}
		Integer serverPort = this.environment.getProperty("local.server.port", Integer.class);
		if (serverPort == null) {
			serverPort = this.environment.getProperty("server.port", Integer.class, 8080);
		}
		return port.equals(serverPort) ? null : port;
	}

	private static String normalize(String path) {
		String trimmed = path.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (!trimmed.isEmpty() && !trimmed.startsWith("/")) {
			trimmed = "/" + trimmed;
		}
		return trimmed;
	}

}
