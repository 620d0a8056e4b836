package dev.migrate.autoconfigure;

import org.springframework.core.env.PropertyResolver;

/**
 * Whether the application runs in command mode: {@code migrate.command} has text and migrate is
 * enabled. The one place that decides it, for the environment post-processor, the conditions
 * and the startup action.
 */
public final class CommandMode {

	private CommandMode() {
	}

	/**
	 * Whether command mode is on in an environment.
	 * @param environment the environment
	 * @return whether {@code migrate.command} has text and {@code migrate.enabled} is not false
	 */
	public static boolean isOn(PropertyResolver environment) {
		return isOn(environment.getProperty(SpringBootVocabulary.COMMAND),
				environment.getProperty(SpringBootVocabulary.ENABLED, Boolean.class, true));
	}

	/**
	 * Whether command mode is on for bound properties.
	 * @param properties the properties
	 * @return whether {@code migrate.command} has text and migrate is enabled
	 */
	static boolean isOn(MigrateProperties properties) {
		return isOn(properties.getCommand(), properties.isEnabled());
	}

	/**
	 * The command to run.
	 * @param environment the environment
	 * @return the value of {@code migrate.command}, or {@code null}
	 */
	public static String command(PropertyResolver environment) {
		return environment.getProperty(SpringBootVocabulary.COMMAND);
	}

	private static boolean isOn(String command, boolean enabled) {
		return enabled && command != null && !command.isBlank();
	}

}
