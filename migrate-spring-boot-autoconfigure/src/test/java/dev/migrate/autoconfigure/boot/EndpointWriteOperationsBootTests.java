package dev.migrate.autoconfigure.boot;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full boot with {@code management.endpoint.migrations.access=unrestricted}: upgrade, downgrade
 * and stamp through {@code POST /actuator/migrations/{command}}.
 */
class EndpointWriteOperationsBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void writeOperationsMoveTheDatabaseWhenAccessIsUnrestricted() throws Exception {
		Boot.Started started = Boot.start(new SpringApplication(TestApplication.class),
				Boot.arguments(db, "migrate.locations=classpath:revisions/basic",
						"management.endpoints.web.exposure.include=health,migrations",
						"management.endpoint.migrations.access=unrestricted"));
		int port = started.awaitPort();
		ConfigurableApplicationContext context = started.awaitContext();
		try {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.current()).containsExactly("b2c3d4e5f6a1");

			JsonNode downgraded = Boot
				.json(Boot.post(port, "/actuator/migrations/downgrade", "{\"target\":\"-1\"}"));
			assertThat(downgraded.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(downgraded.get("applied").get(0).asString()).isEqualTo("b2c3d4e5f6a1");
			assertThat(downgraded.get("heads").get(0).asString()).isEqualTo("a1b2c3d4e5f6");
			assertThat(migrator.current()).containsExactly("a1b2c3d4e5f6");

			JsonNode pending = Boot.json(Boot.get(port, "/actuator/migrations"));
			assertThat(pending.get("status").asString()).isEqualTo("PENDING");
			assertThat(pending.get("pending").get(0).get("revision").asString()).isEqualTo("b2c3d4e5f6a1");
			assertThat(pending.get("pending").get(0).get("downRevisions").get(0).asString()).isEqualTo("a1b2c3d4e5f6");
			assertThat(pending.get("pending").get(0).get("message").asString()).isEqualTo("add email column");
			assertThat(pending.get("pending").get(0).get("transactional").asBoolean()).isTrue();
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations/b2c3d4e5f6a1")).get("state").asString())
				.isEqualTo("PENDING");

			JsonNode refused = Boot.json(Boot.post(port, "/actuator/migrations/upgrade", "{\"target\":\"nosuch\"}"));
			assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
			assertThat(refused.get("error").asString()).contains("nosuch");
			// refused before anything ran: the database did not change, so the state is still PENDING
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("status").asString())
				.isEqualTo("PENDING");
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("lastRun").get("outcome").asString())
				.isEqualTo("REFUSED");
			assertThat(Boot.get(port, "/actuator/health").statusCode()).isEqualTo(200);

			JsonNode upgraded = Boot.json(Boot.post(port, "/actuator/migrations/upgrade", "{\"target\":\"heads\"}"));
			assertThat(upgraded.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("status").asString())
				.isEqualTo("UP_TO_DATE");

			JsonNode stamped = Boot.json(Boot.post(port, "/actuator/migrations/stamp", "{\"target\":\"a1b2c3d4e5f6\"}"));
			assertThat(stamped.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(migrator.current()).containsExactly("a1b2c3d4e5f6");
			Boot.post(port, "/actuator/migrations/stamp", "{\"target\":\"b2c3d4e5f6a1\"}");
			assertThat(migrator.current()).containsExactly("b2c3d4e5f6a1");

			HttpResponse<String> unknown = Boot.post(port, "/actuator/migrations/explode", "{\"target\":\"heads\"}");
			assertThat(unknown.statusCode()).isEqualTo(400);
			HttpResponse<String> missingTarget = Boot.post(port, "/actuator/migrations/upgrade", "{}");
			assertThat(missingTarget.statusCode()).isEqualTo(400);
		}
		finally {
			context.close();
		}
	}

}
