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
 * Full boot with {@code management.endpoint.migrations.access=unrestricted} (and, as there is no
 * Spring Security here, {@code migrate.endpoint.unsafe-allow-anonymous-writes=true}): upgrade,
 * downgrade and stamp through {@code POST /actuator/migrations/{command}}, with the HTTP status
 * a script can trust and a JSON body in every case, and revision lookups by unique prefix.
 */
class EndpointWriteOperationsBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void writeOperationsMoveTheDatabaseWhenAccessIsUnrestricted() throws Exception {
		Boot.Started started = Boot.start(new SpringApplication(TestApplication.class),
				Boot.arguments(db, "migrate.locations=classpath:revisions/basic",
						"management.endpoints.web.exposure.include=health,migrations",
						"management.endpoint.migrations.access=unrestricted",
						"migrate.endpoint.unsafe-allow-anonymous-writes=true"));
		int port = started.awaitPort();
		ConfigurableApplicationContext context = started.awaitContext();
		try {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.current()).containsExactly("b2c3d4e5f6a1");

			HttpResponse<String> downgrade = Boot.post(port, "/actuator/migrations/downgrade", "{\"target\":\"-1\"}");
			assertThat(downgrade.statusCode()).isEqualTo(200);
			JsonNode downgraded = Boot.json(downgrade);
			assertThat(downgraded.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(downgraded.get("code").isNull()).isTrue();
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
			JsonNode byPrefix = Boot.json(Boot.get(port, "/actuator/migrations/b2c3"));
			assertThat(byPrefix.get("revision").asString()).isEqualTo("b2c3d4e5f6a1");
			HttpResponse<String> unknownRevision = Boot.get(port, "/actuator/migrations/ffff");
			assertThat(unknownRevision.statusCode()).isEqualTo(404);
			assertThat(Boot.json(unknownRevision).get("code").asString()).isEqualTo("UNKNOWN_REVISION");

			HttpResponse<String> refusal = Boot.post(port, "/actuator/migrations/upgrade", "{\"target\":\"nosuch\"}");
			assertThat(refusal.statusCode()).isEqualTo(400);
			JsonNode refused = Boot.json(refusal);
			assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
			assertThat(refused.get("code").asString()).isEqualTo("UNKNOWN_REVISION");
			assertThat(refused.get("error").asString()).contains("nosuch");
			// refused before anything ran: the database did not change, so the state is still PENDING
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("status").asString())
				.isEqualTo("PENDING");
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("lastRun").get("outcome").asString())
				.isEqualTo("REFUSED");
			assertThat(Boot.get(port, "/actuator/health").statusCode()).isEqualTo(200);

			HttpResponse<String> downgradeUpwards = Boot.post(port, "/actuator/migrations/downgrade",
					"{\"target\":\"b2c3\"}");
			assertThat(downgradeUpwards.statusCode()).isEqualTo(400);
			assertThat(Boot.json(downgradeUpwards).get("code").asString()).isEqualTo("INVALID_TARGET");

			JsonNode upgraded = Boot.json(Boot.post(port, "/actuator/migrations/upgrade", "{\"target\":\"b2c3\"}"));
			assertThat(upgraded.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations")).get("status").asString())
				.isEqualTo("UP_TO_DATE");

			JsonNode stamped = Boot.json(Boot.post(port, "/actuator/migrations/stamp", "{\"target\":\"a1b2\"}"));
			assertThat(stamped.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(migrator.current()).containsExactly("a1b2c3d4e5f6");
			Boot.post(port, "/actuator/migrations/stamp", "{\"target\":\"b2c3d4e5f6a1\"}");
			assertThat(migrator.current()).containsExactly("b2c3d4e5f6a1");

			HttpResponse<String> unknown = Boot.post(port, "/actuator/migrations/explode", "{\"target\":\"heads\"}");
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(Boot.json(unknown).get("error").asString()).contains("Unknown command 'explode'");
			HttpResponse<String> missingTarget = Boot.post(port, "/actuator/migrations/upgrade", "{}");
			assertThat(missingTarget.statusCode()).isEqualTo(400);
			assertThat(Boot.json(missingTarget).get("code").asString()).isEqualTo("BAD_REQUEST");
		}
		finally {
			context.close();
		}
	}

	@Test
	void commandsTheStateRefusesAnswerConflict() throws Exception {
		Boot.Started started = Boot.start(new SpringApplication(TestApplication.class),
				Boot.arguments(db, "migrate.locations=classpath:revisions/branches", "migrate.schema=branches",
						"management.endpoints.web.exposure.include=health,migrations",
						"management.endpoint.migrations.access=unrestricted",
						"migrate.endpoint.unsafe-allow-anonymous-writes=true"));
		int port = started.awaitPort();
		ConfigurableApplicationContext context = started.awaitContext();
		try {
			assertThat(context.getBean(Migrator.class).current()).containsExactlyInAnyOrder("7b0000000002",
					"7b0000000003");
			HttpResponse<String> severalHeads = Boot.post(port, "/actuator/migrations/upgrade", "{\"target\":\"head\"}");
			assertThat(severalHeads.statusCode()).isEqualTo(409);
			assertThat(Boot.json(severalHeads).get("code").asString()).isEqualTo("MULTIPLE_HEADS");
			HttpResponse<String> ambiguous = Boot.post(port, "/actuator/migrations/downgrade", "{\"target\":\"7b\"}");
			assertThat(ambiguous.statusCode()).isEqualTo(409);
			assertThat(Boot.json(ambiguous).get("code").asString()).isEqualTo("AMBIGUOUS_REVISION");
			HttpResponse<String> ambiguousLookup = Boot.get(port, "/actuator/migrations/7b");
			assertThat(ambiguousLookup.statusCode()).isEqualTo(409);
			assertThat(Boot.json(ambiguousLookup).get("error").asString()).contains("7b0000000002", "7b0000000003");
			assertThat(Boot.json(Boot.get(port, "/actuator/migrations/7a")).get("state").asString()).isEqualTo("APPLIED");
		}
		finally {
			context.close();
		}
	}

}
