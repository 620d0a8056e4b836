package dev.migrate.autoconfigure.boot;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full boot on PostgreSQL with a real HTTP port, in the default {@code runner} phase: while a
 * revision waits for the test to open its gate (a row in {@code item}), application requests get 503 with Retry-After, readiness is
 * OUT_OF_SERVICE, liveness is UP and {@code /actuator/migrations} shows the running revision;
 * afterwards everything is up.
 */
class RunnerPhaseBootTests {

	private static final String SLEEPING_REVISION = "2f00aa000002";

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void gatesTrafficWhileTheStartupMigrationRunsAndOpensAfterwards() throws Exception {
		Boot.Started started = Boot.start(new SpringApplication(TestApplication.class),
				Boot.arguments(db, "migrate.locations=classpath:revisions/gate",
						"management.endpoints.web.exposure.include=health,migrations,metrics",
						"management.endpoint.health.probes.enabled=true",
						"management.endpoint.health.show-components=always",
						"management.endpoint.health.show-details=always"));
		int port = started.awaitPort();
		try {
			assertWhileMigrating(started, port);
		}
		finally {
			db.execute("INSERT INTO item (name) VALUES ('gate open')");
		}

		ConfigurableApplicationContext context = started.awaitContext();
		try {
			HttpResponse<String> hello = Boot.get(port, "/hello");
			assertThat(hello.statusCode()).isEqualTo(200);
			assertThat(hello.body()).isEqualTo("hello");
			assertThat(Boot.get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(Boot.json(Boot.get(port, "/actuator/health/readiness")).get("status").asString())
				.isEqualTo("UP");
			assertThat(Boot.get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			HttpResponse<String> up = Boot.get(port, "/actuator/health/migrations");
			assertThat(up.statusCode()).isEqualTo(200);
			assertThat(Boot.json(up).get("status").asString()).isEqualTo("UP");

			HttpResponse<String> state = Boot.get(port, "/actuator/migrations");
			assertThat(state.statusCode()).isEqualTo(200);
			assertThat(state.body()).doesNotContain(db.url()).doesNotContain("jdbc:").doesNotContain("password");
			JsonNode done = Boot.json(state);
			assertThat(done.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(done.get("current").get(0).asString()).isEqualTo(SLEEPING_REVISION);
			assertThat(done.get("heads").get(0).asString()).isEqualTo(SLEEPING_REVISION);
			assertThat(done.get("pending").size()).isZero();
			assertThat(done.get("applied").size()).isEqualTo(2);
			JsonNode applied = done.get("applied").get(1);
			assertThat(applied.get("revision").asString()).isEqualTo(SLEEPING_REVISION);
			assertThat(applied.get("message").asString()).isEqualTo("slow backfill");
			assertThat(applied.get("appliedAt").asString()).isNotBlank();
			assertThat(applied.get("appliedBy").asString()).isEqualTo(db.user());
			assertThat(applied.get("executionMs").asLong()).isPositive();
			assertThat(applied.get("checksum").asString()).isNotBlank();
			assertThat(done.get("running").isNull()).isTrue();
			assertThat(done.get("lock").get("held").asBoolean()).isFalse();
			JsonNode lastRun = done.get("lastRun");
			assertThat(lastRun.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(lastRun.get("applied").toString()).isEqualTo("[\"1f00aa000001\",\"2f00aa000002\"]");
			assertThat(lastRun.get("error").isNull()).isTrue();

			JsonNode revision = Boot.json(Boot.get(port, "/actuator/migrations/" + SLEEPING_REVISION));
			assertThat(revision.get("state").asString()).isEqualTo("APPLIED");
			assertThat(revision.get("downRevisions").get(0).asString()).isEqualTo("1f00aa000001");
			assertThat(revision.get("source").asString()).endsWith("2f00aa000002_slow_backfill.sql");
			assertThat(Boot.get(port, "/actuator/migrations/nosuchrevision").statusCode()).isEqualTo(404);

			HttpResponse<String> write = Boot.post(port, "/actuator/migrations/downgrade", "{\"target\":\"-1\"}");
			assertThat(write.statusCode()).isBetween(400, 499);
			try (Connection connection = db.connect();
					ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM item")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(3);
			}

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrate.runs").tag("outcome", "SUCCESS").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("migrate.revisions.applied").tag("direction", "upgrade").functionCounter().count())
				.isEqualTo(2);
			assertThat(registry.get("migrate.pending").gauge().value()).isZero();
			assertThat(Boot.get(port, "/actuator/metrics/migrate.revision.duration").statusCode()).isEqualTo(200);
		}
		finally {
			context.close();
		}
	}

	private static void assertWhileMigrating(Boot.Started started, int port) throws Exception {
		JsonNode migrating = awaitRunning(port, SLEEPING_REVISION);
		assertThat(migrating.get("status").asString()).isEqualTo("MIGRATING");
		assertThat(migrating.get("running").get("statement").asInt()).isEqualTo(2);
		assertThat(migrating.get("running").get("statements").asInt()).isEqualTo(3);
		assertThat(migrating.get("running").get("startedAt").asString()).isNotBlank();
		assertThat(migrating.get("lock").get("held").asBoolean()).isTrue();
		assertThat(migrating.get("current").get(0).asString()).isEqualTo("1f00aa000001");
		assertThat(started.context()).isNotDone();

		HttpResponse<String> application = Boot.get(port, "/hello");
		assertThat(application.statusCode()).isEqualTo(503);
		assertThat(application.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(application.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(Boot.json(application).get("status").asInt()).isEqualTo(503);

		HttpResponse<String> readiness = Boot.get(port, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(Boot.json(readiness).get("status").asString()).isEqualTo("OUT_OF_SERVICE");
		HttpResponse<String> liveness = Boot.get(port, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(Boot.json(liveness).get("status").asString()).isEqualTo("UP");
		HttpResponse<String> indicator = Boot.get(port, "/actuator/health/migrations");
		assertThat(indicator.statusCode()).isEqualTo(503);
		assertThat(Boot.json(indicator).get("status").asString()).isEqualTo("OUT_OF_SERVICE");
		assertThat(Boot.json(indicator).get("details").get("revision").asString()).isEqualTo(SLEEPING_REVISION);
		assertThat(started.context()).isNotDone();
	}

	private static JsonNode awaitRunning(int port, String revision) throws InterruptedException {
		long deadline = System.nanoTime() + 180_000_000_000L;
		JsonNode last = null;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = Boot.get(port, "/actuator/migrations");
			if (response.statusCode() == 200) {
				last = Boot.json(response);
				JsonNode running = last.get("running");
				if (running != null && !running.isNull() && revision.equals(running.get("revision").asString())
						&& running.get("statement").asInt() == 2) {
					return last;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Revision " + revision + " was never seen running; last state: " + last);
	}

}
