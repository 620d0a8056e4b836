package dev.migrate.autoconfigure.actuate.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.ClassUtils;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateEndpointAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's write operations in an application without Spring Security (this test's class
 * path has none): enabling them fails startup with an explanation, unless the unsafe opt-out is
 * set; the read-only default starts as before.
 */
@ExtendWith(OutputCaptureExtension.class)
class EndpointWriteOperationsGuardTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				EndpointAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void springSecurityIsNotOnThisClassPath() {
		assertThat(ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain", null)).isFalse();
	}

	@Test
	void readOnlyEndpointStartsWithoutSpringSecurity() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(MigrationsEndpoint.class)
			.hasSingleBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void writeOperationsWithoutSpringSecurityFailStartupWithAnExplanation() {
		this.contextRunner.withPropertyValues("management.endpoint.migrations.access=UNRESTRICTED").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasRootCauseInstanceOf(UnsecuredWriteOperationsException.class);
			FailureAnalysis analysis = analyze(failure);
			assertThat(analysis.getDescription()).contains("upgrade, downgrade, stamp",
					"management.endpoint.migrations.access=unrestricted", "Spring Security is not on the class path");
			assertThat(analysis.getAction()).contains("spring-boot-starter-security", "role MIGRATE_ADMIN",
					"Securing the endpoint", "management.endpoint.migrations.access=read-only",
					"migrate.endpoint.unsafe-allow-anonymous-writes=true");
		});
	}

	@Test
	void theAnalysisNamesTheConfiguredRole() {
		this.contextRunner
			.withPropertyValues("management.endpoint.migrations.access=UNRESTRICTED",
					"migrate.endpoint.write-role=DBA")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction()).contains("role DBA"));
	}

	@Test
	void unsafeOptOutStartsAndWarns(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("management.endpoint.migrations.access=UNRESTRICTED",
					"migrate.endpoint.unsafe-allow-anonymous-writes=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationsEndpoint.class);
				assertThat(output).contains("accept anonymous callers (migrate.endpoint.unsafe-allow-anonymous-writes"
						+ "=true): anyone who reaches the management port can change the database");
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new UnsecuredWriteOperationsFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

}
