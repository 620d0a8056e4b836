package dev.migrate.autoconfigure.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import dev.migrate.autoconfigure.MigrationTracker;
import dev.migrate.autoconfigure.MigrationTrackers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationGateFilter}, {@link ReactiveMigrationGateFilter} and
 * {@link ManagementRequests}.
 */
class MigrationGateFilterTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void refusesApplicationRequestsWhileTheStartupMigrationRuns() throws Exception {
		MockHttpServletResponse response = servlet(MigrationTrackers.refusingTraffic(), "/orders/42");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentAsString()).contains("\"status\":503").contains("migration in progress");
	}

	@Test
	void letsManagementRequestsThrough() throws Exception {
		MigrationTracker tracker = MigrationTrackers.refusingTraffic();
		assertThat(servlet(tracker, "/actuator/health/readiness").getStatus()).isEqualTo(200);
		assertThat(servlet(tracker, "/actuator").getStatus()).isEqualTo(200);
		assertThat(servlet(tracker, "/actuatorx").getStatus()).isEqualTo(503);
	}

	@Test
	void followsTheConfiguredManagementBasePath() throws Exception {
		this.environment.setProperty("management.endpoints.web.base-path", "/manage/");
		MigrationTracker tracker = MigrationTrackers.refusingTraffic();
		assertThat(servlet(tracker, "/manage/migrations").getStatus()).isEqualTo(200);
		assertThat(servlet(tracker, "/actuator/health").getStatus()).isEqualTo(503);
	}

	@Test
	void onASeparateManagementPortOnlyThatPortIsLetThrough() throws Exception {
		this.environment.setProperty("management.server.port", "9090");
		this.environment.setProperty("local.server.port", "8080");
		MigrationTracker tracker = MigrationTrackers.refusingTraffic();
		assertThat(servlet(tracker, "/actuator/health", 8080).getStatus()).isEqualTo(503);
		assertThat(servlet(tracker, "/health", 9090).getStatus()).isEqualTo(200);
	}

	@Test
	void stripsTheContextPath() throws Exception {
		MigrationTracker tracker = MigrationTrackers.refusingTraffic();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shop/actuator/health");
		request.setContextPath("/shop");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MigrationGateFilter(tracker, new ManagementRequests(this.environment)).doFilter(request, response,
				new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void opensOnceTheStartupMigrationSucceeded() throws Exception {
		MigrationTracker tracker = MigrationTrackers.refusingTraffic();
		MigrationTrackers.startupSucceeded(tracker, List.of("a1"));
		assertThat(servlet(tracker, "/orders/42").getStatus()).isEqualTo(200);
	}

	@Test
	void reactiveFilterRefusesApplicationRequestsAndLetsManagementThrough() {
		MigrationTracker tracker = MigrationTrackers.refusingTraffic();
		ReactiveMigrationGateFilter filter = new ReactiveMigrationGateFilter(tracker,
				new ManagementRequests(this.environment));
		MockServerWebExchange refused = MockServerWebExchange.from(MockServerHttpRequest.get("/orders/42"));
		boolean[] passed = new boolean[1];
		WebFilterChain chain = (exchange) -> {
			passed[0] = true;
			return Mono.empty();
		};
		filter.filter(refused, chain).block();
		assertThat(passed[0]).isFalse();
		assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(refused.getResponse().getBodyAsString().block()).contains("migration in progress");
		MockServerWebExchange management = MockServerWebExchange
			.from(MockServerHttpRequest.get("/actuator/health/liveness"));
		filter.filter(management, chain).block();
		assertThat(passed[0]).isTrue();
		MigrationTrackers.startupSucceeded(tracker, List.of());
		passed[0] = false;
		filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/orders/42")), chain).block();
		assertThat(passed[0]).isTrue();
	}

	private MockHttpServletResponse servlet(MigrationTracker tracker, String path) throws Exception {
		return servlet(tracker, path, 8080);
	}

	private MockHttpServletResponse servlet(MigrationTracker tracker, String path, int port) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setLocalPort(port);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MigrationGateFilter(tracker, new ManagementRequests(this.environment)).doFilter(request, response,
				new MockFilterChain());
		return response;
	}

}
