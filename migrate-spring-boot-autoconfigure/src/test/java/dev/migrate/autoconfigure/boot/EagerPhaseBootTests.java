package dev.migrate.autoconfigure.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Full boots with {@code migrate.phase=eager}: the migration runs during context refresh, so a
 * bean that reads a table from its constructor through {@link JdbcTemplate} finds it; in the
 * runner phase the same bean fails.
 */
class EagerPhaseBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void runnerPhaseMigratesTooLateForABeanThatReadsAtConstruction() {
		Throwable failure = catchThrowable(() -> new SpringApplication(TestApplication.class, GreetingConfiguration.class)
			.run(Boot.arguments(db, "migrate.locations=classpath:revisions/eager", "migrate.version-table=runner_version",
					"migrate.history-table=runner_history", "spring.main.web-application-type=none")));
		assertThat(failure).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
			.hasStackTraceContaining("greeting");
		assertThat(hasCause(failure, BadSqlGrammarException.class)).isTrue();
	}

	@Test
	void eagerPhaseMigratesBeforeJdbcTemplateUsers() {
		ConfigurableApplicationContext context = new SpringApplication(TestApplication.class,
				GreetingConfiguration.class)
			.run(Boot.arguments(db, "migrate.locations=classpath:revisions/eager", "migrate.phase=eager"));
		try {
			assertThat(context.getBean(GreetingReader.class).greeting).isEqualTo("hello from a revision");
		}
		finally {
			context.close();
		}
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class GreetingConfiguration {

		@Bean
		GreetingReader greetingReader(JdbcTemplate jdbcTemplate) {
			return new GreetingReader(jdbcTemplate);
		}

	}

	static class GreetingReader {

		final String greeting;

		GreetingReader(JdbcTemplate jdbcTemplate) {
			this.greeting = jdbcTemplate.queryForObject("SELECT text FROM greeting WHERE id = 1", String.class);
		}

	}

}
