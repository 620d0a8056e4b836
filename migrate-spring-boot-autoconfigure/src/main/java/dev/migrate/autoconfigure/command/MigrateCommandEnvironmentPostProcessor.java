package dev.migrate.autoconfigure.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.migrate.autoconfigure.CommandMode;

/**
 * {@link EnvironmentPostProcessor} that, when {@code migrate.command} is set, makes the
 * application a non-web application (it never opens its HTTP port) and turns off the other
 * schema changes that would run during startup ({@code spring.jpa.hibernate.ddl-auto},
 * {@code spring.sql.init.mode}), so that only the command touches the schema.
 */
final class MigrateCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "migrateCommandMode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!CommandMode.isOn(environment)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.jpa.hibernate.ddl-auto", "none");
		properties.put("spring.sql.init.mode", "never");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

}
