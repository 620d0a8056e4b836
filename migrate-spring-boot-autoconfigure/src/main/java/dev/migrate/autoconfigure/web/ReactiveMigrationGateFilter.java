package dev.migrate.autoconfigure.web;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.migrate.autoconfigure.MigrationTracker;

/**
 * WebFlux filter that answers every application request with {@code 503 Service Unavailable},
 * {@code Retry-After} and a short JSON body until the startup migration has finished;
 * management endpoints stay reachable.
 */
public final class ReactiveMigrationGateFilter implements WebFilter, Ordered {

	private static final byte[] BODY = ManagementRequests.BODY.getBytes(StandardCharsets.UTF_8);

	private final MigrationTracker tracker;

	private final ManagementRequests management;

	/**
	 * Create the filter.
	 * @param tracker the progress of migrations in this application
	 * @param environment the environment, to tell management requests apart
	 */
	public ReactiveMigrationGateFilter(MigrationTracker tracker, Environment environment) {
		this(tracker, new ManagementRequests(environment));
	}

	ReactiveMigrationGateFilter(MigrationTracker tracker, ManagementRequests management) {
		this.tracker = tracker;
		this.management = management;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.tracker.isRefusingTraffic()) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest();
		InetSocketAddress local = request.getLocalAddress();
		if (this.management.isManagement(request.getPath().pathWithinApplication().value(),
				(local != null) ? local.getPort() : -1)) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(ManagementRequests.RETRY_AFTER_SECONDS));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(BODY);
		return response.writeWith(Mono.just(buffer));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
