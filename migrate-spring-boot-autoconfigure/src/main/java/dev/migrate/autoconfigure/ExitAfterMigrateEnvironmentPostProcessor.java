package dev.migrate.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@link EnvironmentPostProcessor} that makes an application started with
 * {@code migrate.exit-after-migrate=true} a non-web application, so that a migrate-only job
 * never opens its HTTP port. An explicit {@code spring.main.web-application-type} wins.
 */
final class ExitAfterMigrateEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "migrateExitAfterMigrate";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean exit = environment.getProperty(SpringBootVocabulary.EXIT_AFTER_MIGRATE, Boolean.class, false);
		boolean enabled = environment.getProperty(SpringBootVocabulary.ENABLED, Boolean.class, true);
		if (exit && enabled && !environment.containsProperty("spring.main.web-application-type")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.main.web-application-type", "none")));
		}
	}

}
