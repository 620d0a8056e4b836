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

	/** {@code migrate.endpoint.timeout}. */
	public static final String ENDPOINT_TIMEOUT = PREFIX + ".endpoint.timeout";

	/** {@code migrate.endpoint.write-role}. */
	public static final String ENDPOINT_WRITE_ROLE = PREFIX + ".endpoint.write-role";

	/** {@code migrate.endpoint.unsafe-allow-anonymous-writes}. */
	public static final String ENDPOINT_UNSAFE_ALLOW_ANONYMOUS_WRITES = PREFIX + ".endpoint.unsafe-allow-anonymous-writes";

	/** {@code migrate.instances}. */
	public static final String INSTANCES = PREFIX + ".instances";

	/** {@code migrate.version-table}. */
	public static final String VERSION_TABLE = PREFIX + ".version-table";

	/** {@code migrate.history-table}. */
	public static final String HISTORY_TABLE = PREFIX + ".history-table";

	/** {@code migrate.network-timeout}. */
	public static final String NETWORK_TIMEOUT = PREFIX + ".network-timeout";

	/** {@code migrate.connect-retries}. */
	public static final String CONNECT_RETRIES = PREFIX + ".connect-retries";

	/** {@code migrate.connect-retry-interval}. */
	public static final String CONNECT_RETRY_INTERVAL = PREFIX + ".connect-retry-interval";

	/** {@code migrate.ddl.lock-timeout}. */
	public static final String DDL_LOCK_TIMEOUT = PREFIX + ".ddl.lock-timeout";

	/** {@code migrate.ddl.lock-retries}. */
	public static final String DDL_LOCK_RETRIES = PREFIX + ".ddl.lock-retries";

	private SpringBootVocabulary() {
	}

	/**
	 * The words of an instance of {@code migrate.instances}: its own properties
	 * ({@code migrate.instances.<name>.locations}...), those it shares with the default instance
	 * ({@code migrate.lock.timeout}...), and commands as calls on its migrator, since command
	 * mode acts on the default instance only.
	 * @param name the instance's name
	 * @return the vocabulary
	 */
	public static Vocabulary instance(String name) {
		return MigrateInstance.DEFAULT.equals(name) ? INSTANCE : new InstanceVocabulary(name);
	}

	@Override
	public String setting(Setting setting) {
		return switch (setting) {
			case LOCATIONS -> LOCATIONS;
			case SCHEMA -> PREFIX + ".schema";
			case VERSION_TABLE -> VERSION_TABLE;
			case HISTORY_TABLE -> HISTORY_TABLE;
			case LOCK_TIMEOUT -> LOCK_TIMEOUT;
			case DDL_LOCK_TIMEOUT -> DDL_LOCK_TIMEOUT;
			case DDL_LOCK_RETRIES -> DDL_LOCK_RETRIES;
			case VALIDATE_CHECKSUMS -> PREFIX + ".validate-checksums=false";
			case ALLOW_UNKNOWN_REVISIONS -> PREFIX + ".allow-unknown-revisions=true";
			case CONNECTION -> URL + "/username/password";
			case URL -> URL + " (default: spring.datasource.url)";
			case CONNECT_RETRIES -> CONNECT_RETRIES;
			case CONNECT_RETRY_INTERVAL -> CONNECT_RETRY_INTERVAL;
			case NETWORK_TIMEOUT -> NETWORK_TIMEOUT;
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
