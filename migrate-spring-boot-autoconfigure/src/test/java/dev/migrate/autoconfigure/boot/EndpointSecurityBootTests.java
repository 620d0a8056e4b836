package dev.migrate.autoconfigure.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full boot with Spring Security on the class path (this class runs in its own surefire
 * execution; every other test runs without it) and the write operations enabled: they start
 * without the unsafe opt-out, and only an authenticated principal with role
 * {@code MIGRATE_ADMIN} may call them. The filter chain here lets every request through, so the
 * endpoint's own check is what answers {@code 401} and {@code 403}, with a JSON body.
 */
class EndpointSecurityBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void writeOperationsNeedAnAuthenticatedPrincipalWithTheRole() throws Exception {
		Boot.Started started = Boot.start(new SpringApplication(TestApplication.class, OpenChain.class),
				Boot.arguments(db, "migrate.locations=classpath:revisions/basic",
						"management.endpoints.web.exposure.include=health,migrations",
						"management.endpoint.migrations.access=unrestricted"));
		int port = started.awaitPort();
		ConfigurableApplicationContext context = started.awaitContext();
		try {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.current()).containsExactly("b2c3d4e5f6a1");

			HttpResponse<String> anonymous = downgrade(port, null);
			assertThat(anonymous.statusCode()).isEqualTo(401);
			JsonNode denied = Boot.json(anonymous);
			assertThat(denied.get("outcome").asString()).isEqualTo("DENIED");
			assertThat(denied.get("code").asString()).isEqualTo("UNAUTHENTICATED");
			assertThat(denied.get("error").asString()).contains("role MIGRATE_ADMIN", "migrate.endpoint.write-role");

			HttpResponse<String> viewer = downgrade(port, "viewer:viewer-pw");
			assertThat(viewer.statusCode()).isEqualTo(403);
			assertThat(Boot.json(viewer).get("code").asString()).isEqualTo("FORBIDDEN");
			assertThat(migrator.current()).containsExactly("b2c3d4e5f6a1");

			HttpResponse<String> admin = downgrade(port, "admin:admin-pw");
			assertThat(admin.statusCode()).isEqualTo(200);
			assertThat(Boot.json(admin).get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(migrator.current()).containsExactly("a1b2c3d4e5f6");

			assertThat(Boot.get(port, "/actuator/migrations").statusCode()).isEqualTo(200);
		}
		finally {
			context.close();
		}
	}

	private static HttpResponse<String> downgrade(int port, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/actuator/migrations/downgrade"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"-1\"}"));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** HTTP Basic for two users, every request let through, no CSRF tokens for the scripts. */
	@Configuration(proxyBeanMethods = false)
	static class OpenChain {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("admin").password("{noop}admin-pw").roles("MIGRATE_ADMIN").build(),
					User.withUsername("viewer").password("{noop}viewer-pw").roles("VIEWER").build());
		}

	}

}
