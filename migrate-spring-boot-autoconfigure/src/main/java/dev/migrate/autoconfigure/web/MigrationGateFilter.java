package dev.migrate.autoconfigure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.migrate.autoconfigure.MigrationTracker;

/**
 * Servlet filter that answers every application request with {@code 503 Service Unavailable},
 * {@code Retry-After} and a short JSON body until the startup migration has finished;
 * management endpoints stay reachable.
 */
public final class MigrationGateFilter extends OncePerRequestFilter {

	private static final byte[] BODY = ManagementRequests.BODY.getBytes(StandardCharsets.UTF_8);

	private final MigrationTracker tracker;

	private final ManagementRequests management;

	/**
	 * Create the filter.
	 * @param tracker the progress of migrations in this application
	 * @param environment the environment, to tell management requests apart
	 */
	public MigrationGateFilter(MigrationTracker tracker, Environment environment) {
		this(tracker, new ManagementRequests(environment));
	}

	MigrationGateFilter(MigrationTracker tracker, ManagementRequests management) {
		this.tracker = tracker;
		this.management = management;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.tracker.isRefusingTraffic() || this.management.isManagement(pathOf(request), request.getLocalPort())) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ManagementRequests.RETRY_AFTER_SECONDS));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(BODY.length);
		response.getOutputStream().write(BODY);
	}

	private static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
	}

}
