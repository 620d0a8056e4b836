package dev.migrate.cli;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrate.Vocabulary;
import dev.migrate.command.CommandLines;

/**
 * The words of the {@code migrate} command line: options (and the environment variables that
 * stand in for them), and commands as {@code migrate ...}.
 */
final class CommandLineVocabulary implements Vocabulary {

	private final Map<Setting, String> origins;

	/**
	 * Create the vocabulary.
	 * @param origins where this run's values of some settings came from, e.g.
	 * {@code This run used MIGRATE_LOCATIONS=filesystem:db}
	 */
	CommandLineVocabulary(Map<Setting, String> origins) {
		this.origins = origins.isEmpty() ? Map.of() : new EnumMap<>(origins);
	}

	@Override
	public String setting(Setting setting) {
		return switch (setting) {
			case LOCATIONS -> "--locations (or MIGRATE_LOCATIONS)";
			case SCHEMA -> "--schema (or MIGRATE_SCHEMA)";
			case VERSION_TABLE -> "--version-table (or MIGRATE_VERSION_TABLE)";
			case HISTORY_TABLE -> "--history-table (or MIGRATE_HISTORY_TABLE)";
			case LOCK_TIMEOUT -> "--lock-timeout";
			case DDL_LOCK_TIMEOUT -> "--ddl-lock-timeout";
			case DDL_LOCK_RETRIES -> "--ddl-lock-retries";
			case VALIDATE_CHECKSUMS -> "--no-validate-checksums";
			case ALLOW_UNKNOWN_REVISIONS -> "--allow-unknown-revisions";
			case CONNECTION -> "--user and --password, or DATABASE_USER and DATABASE_PASSWORD";
			case URL -> "--url (or DATABASE_URL)";
			case CONNECT_RETRIES -> "--connect-retries";
			case NETWORK_TIMEOUT -> "--network-timeout";
			case CONNECT_RETRY_INTERVAL -> "--connect-retry-interval";
			case AWAIT_TIMEOUT -> "await --timeout (default: --lock-timeout)";
			case SHADOW_URL -> "--shadow-url (or MIGRATE_SHADOW_URL)";
		};
	}

	@Override
	public @Nullable String origin(Setting setting) {
		return this.origins.get(setting);
	}

	@Override
	public String command(Command command) {
		return "migrate " + CommandLines.line(command);
	}

	@Override
	public String toString() {
		return "CommandLineVocabulary" + this.origins;
	}

}
