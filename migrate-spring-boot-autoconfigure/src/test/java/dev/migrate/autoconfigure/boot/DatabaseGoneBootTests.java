package dev.migrate.autoconfigure.boot;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full boot on a real PostgreSQL reached through a proxy that later swallows every byte (the
 * database went away behind a partition, so nothing is refused and the pool would wait for its
 * 30 s timeout): {@code /actuator/migrations} answers within {@code migrate.endpoint.timeout}
 * with {@code 503} and {@code {"status":"UNKNOWN","error":...}}, and the {@code migrations}
 * health indicator reports the same reason.
 */
class DatabaseGoneBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void endpointAndHealthSayUnknownWithinTheTimeoutWhenTheDatabaseStopsAnswering() throws Exception {
		URI server = URI.create(db.url().substring("jdbc:".length()));
		try (BlackHoleProxy proxy = new BlackHoleProxy(server.getHost(), server.getPort())) {
			String[] arguments = Boot.arguments(db, "migrate.locations=classpath:revisions/basic",
					"management.endpoints.web.exposure.include=health,migrations",
					"management.endpoint.health.show-details=always", "management.health.db.enabled=false",
					"migrate.endpoint.timeout=2s");
			arguments[0] = "--spring.datasource.url=" + proxy.proxied(db.url());
			Boot.Started started = Boot.start(new SpringApplication(TestApplication.class), arguments);
			int port = started.awaitPort();
			ConfigurableApplicationContext context = started.awaitContext();
			try {
				assertThat(Boot.get(port, "/actuator/migrations").statusCode()).isEqualTo(200);
				proxy.swallow();

				long start = System.nanoTime();
				HttpResponse<String> response = Boot.get(port, "/actuator/migrations");
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(took).isLessThan(Duration.ofSeconds(8));
				JsonNode body = Boot.json(response);
				assertThat(body.get("status").asString()).isEqualTo("UNKNOWN");
				String error = body.get("error").asString();
				assertThat(error).startsWith("The database did not answer within migrate.endpoint.timeout (2000 ms)");

				HttpResponse<String> revision = Boot.get(port, "/actuator/migrations/a1b2");
				assertThat(revision.statusCode()).isEqualTo(503);
				assertThat(Boot.json(revision).get("status").asString()).isEqualTo("UNKNOWN");

				JsonNode health = Boot.json(Boot.get(port, "/actuator/health")).get("components").get("migrations");
				assertThat(health.get("status").asString()).isEqualTo("UNKNOWN");
				assertThat(health.get("details").get("error").asString()).isEqualTo(error);
			}
			finally {
				proxy.close();
				context.close();
			}
		}
	}

}
