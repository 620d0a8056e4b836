package dev.migrate.autoconfigure;

import dev.migrate.Vocabulary;
import dev.migrate.command.CommandLines;

/**
 * The words of the Spring Boot starter: {@code migrate.*} properties, and commands run by the
 * application itself with {@code --migrate.command}. The one place that spells the starter's
 * property names: the settings the core names through {@link Vocabulary}, and the starter's own
 * properties as constants for its messages and conditions.
 */
public final class SpringBootVocabulary implements Vocabulary {

	/** The vocabulary. */
	public static final SpringBootVocabulary INSTANCE = new SpringBootVocabulary();

	/** Prefix of every property. */
	public static final String PREFIX = "migrate";

	/** {@code migrate.enabled}. */
	public static final String ENABLED = PREFIX + ".enabled";

	/** {@code migrate.mode}. */
	public static final String MODE = PREFIX + ".mode";

	/** {@code migrate.phase}. */
	public static final String PHASE = PREFIX + ".phase";

	/** {@code migrate.target}. */
	public static final String TARGET = PREFIX + ".target";

	/** {@code migrate.command}. */
	public static final String COMMAND = PREFIX + ".command";

	/** {@code migrate.exit-after-migrate}. */
	public static final String EXIT_AFTER_MIGRATE = PREFIX + ".exit-after-migrate";

	/** {@code migrate.url}. */
	public static final String URL = PREFIX + ".url";

	/** {@code migrate.username}. */
	public static final String USERNAME = PREFIX + ".username";

	/** {@code migrate.password}. */
	public static final String PASSWORD = PREFIX + ".password";

	/** {@code migrate.locations}. */
	public static final String LOCATIONS = PREFIX + ".locations";

	/** {@code migrate.lock.timeout}. */
	public static final String LOCK_TIMEOUT = PREFIX + ".lock.timeout";

	private SpringBootVocabulary() {
	}

	@Override
	public String setting(Setting setting) {
		return switch (setting) {
			case LOCATIONS -> LOCATIONS;
			case SCHEMA -> PREFIX + ".schema";
			case VERSION_TABLE -> PREFIX + ".version-table";
			case HISTORY_TABLE -> PREFIX + ".history-table";
			case LOCK_TIMEOUT -> LOCK_TIMEOUT;
			case DDL_LOCK_TIMEOUT -> PREFIX + ".ddl.lock-timeout";
			case DDL_LOCK_RETRIES -> PREFIX + ".ddl.lock-retries";
			case VALIDATE_CHECKSUMS -> PREFIX + ".validate-checksums=false";
			case ALLOW_UNKNOWN_REVISIONS -> PREFIX + ".allow-unknown-revisions=true";
			case CONNECTION -> URL + "/username/password";
			case URL -> URL + " (default: spring.datasource.url)";
			case CONNECT_RETRIES -> PREFIX + ".connect-retries";
			case CONNECT_RETRY_INTERVAL -> PREFIX + ".connect-retry-interval";
			case NETWORK_TIMEOUT -> PREFIX + ".network-timeout";
			case SHADOW_URL -> PREFIX + ".shadow-url";
			case AWAIT_TIMEOUT -> LOCK_TIMEOUT + " (the timeout of " + MODE + "=await; in command mode: await --timeout)";
		};
	}

	/**
	 * {@code --migrate.command="<line>"}, in single quotes when the line holds characters that
	 * double quotes would not keep as they are.
	 */
	@Override
	public String command(Command command) {
		return commandArgument(CommandLines.line(command));
	}

	/**
	 * A command line as the argument that runs it in command mode.
	 * @param line the command line, e.g. {@code downgrade -1}
	 * @return e.g. {@code --migrate.command="downgrade -1"}
	 */
	public static String commandArgument(String line) {
		boolean special = line.chars().anyMatch((c) -> "\"\\$`".indexOf(c) >= 0);
		if (special && line.indexOf('\'') < 0) {
			return "--" + COMMAND + "='" + line + "'";
		}
		return "--" + COMMAND + "=\"" + line.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")
			.replace("`", "\\`") + "\"";
	}

	@Override
	public String toString() {
		return "SpringBootVocabulary";
	}

}
