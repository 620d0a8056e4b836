package dev.migrate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The words failures and log lines use for what a user can change or run: each
 * {@link Setting} and {@link Command} spelled the way the front end that called migrate spells
 * it ({@code migrate.lock.timeout}, {@code --lock-timeout} or
 * {@code MigrateSettings.Builder.lockTimeout(...)}). Travels in
 * {@link MigrateSettings#vocabulary()}; the default is {@link #java()}.
 */
public interface Vocabulary {

	/**
	 * How to name a setting.
	 * @param setting the setting
	 * @return its spelling, e.g. {@code migrate.lock.timeout}; for
	 * {@link Setting#VALIDATE_CHECKSUMS} and {@link Setting#ALLOW_UNKNOWN_REVISIONS}, the spelling
	 * that turns the setting to the value advice suggests, e.g.
	 * {@code migrate.validate-checksums=false}
	 */
	String setting(Setting setting);

	/**
	 * Where this run's value of a setting came from, when the front end knows and it helps.
	 * @param setting the setting
	 * @return a sentence, e.g. {@code This run used MIGRATE_LOCATIONS=filesystem:db}, or
	 * {@code null}
	 */
	default String origin(Setting setting) {
		return null;
	}

	/**
	 * How to run a command.
	 * @param command the command
	 * @return e.g. {@code migrate accept-checksum ae10} or
	 * {@code Migrator.acceptChecksums(List.of("ae10"))}
	 */
	String command(Command command);

	/**
	 * The words of the Java API, the default: setters of {@link MigrateSettings.Builder} and
	 * {@link Migrator} methods (a command without a method is named as a command of the CLI).
	 * @return the vocabulary
	 */
	static Vocabulary java() {
		return JavaVocabulary.INSTANCE;
	}

	/**
	 * The words of the Spring Boot starter: {@code migrate.*} properties, and commands as
	 * {@code --migrate.command="..."}.
	 * @return the vocabulary
	 */
	static Vocabulary springBoot() {
		return SpringBootVocabulary.INSTANCE;
	}

	/**
	 * The words of the {@code migrate} command line: options and environment variables, and
	 * commands as {@code migrate ...}.
	 * @param origins where this run's values of some settings came from (see
	 * {@link #origin(Setting)})
	 * @return the vocabulary
	 */
	static Vocabulary commandLine(Map<Setting, String> origins) {
		return new CommandLineVocabulary(origins);
	}

	/** The settings that failures and log lines advise changing. */
	enum Setting {

		/** Where revisions are. */
		LOCATIONS,

		/** Schema of the version and history tables. */
		SCHEMA,

		/** Name of the version table. */
		VERSION_TABLE,

		/** Name of the history table. */
		HISTORY_TABLE,

		/** How long to wait for the migration lock. */
		LOCK_TIMEOUT,

		/** {@code lock_timeout} of each transactional revision. */
		DDL_LOCK_TIMEOUT,

		/** Retries of a revision that hit {@code lock_timeout}. */
		DDL_LOCK_RETRIES,

		/** Checksum validation, spelled as turning it off. */
		VALIDATE_CHECKSUMS,

		/** Tolerating revisions this build does not know, spelled as turning it on. */
		ALLOW_UNKNOWN_REVISIONS,

		/** The connection, and so the database role, migrations run with. */
		CONNECTION,

		/** Where the database is: host, port and database name. */
		URL,

		/** Retries of a connection that could not be opened. */
		CONNECT_RETRIES,

		/** How long the run's connection waits for the server to answer. */
		NETWORK_TIMEOUT,

		/**
		 * The database {@code revision --autogenerate} and {@code check --drift} use as their
		 * shadow instead of a temporary one.
		 */
		SHADOW_URL

	}

	/**
	 * A command that advice suggests, as a command line and as a {@link Migrator} call.
	 *
	 * @param line the command line without the program, e.g. {@code accept-checksum ae10}
	 * @param call the {@link Migrator} call that does the same, or {@code null} when only the
	 * commands can, e.g. {@code Migrator.acceptChecksums(List.of("ae10"))}
	 */
	record Command(String line, String call) {

		/** Check that there is a command line. */
		public Command {
			Objects.requireNonNull(line, "'line' must not be null");
		}

		/**
		 * {@code upgrade <target>}.
		 * @param target the target
		 * @return the command
		 */
		public static Command upgrade(String target) {
			return new Command("upgrade " + argument(target), "Migrator.upgrade(" + literal(target) + ")");
		}

		/**
		 * {@code stamp [--purge] <target>...}.
		 * @param targets the targets
		 * @param purge whether the version table is emptied first
		 * @return the command
		 */
		public static Command stamp(List<String> targets, boolean purge) {
			return new Command("stamp " + (purge ? "--purge " : "") + arguments(targets),
					"Migrator.stamp(" + list(targets) + ", " + purge + ")");
		}

		/**
		 * {@code accept-checksum <rev>...}.
		 * @param revisions the revisions
		 * @return the command
		 */
		public static Command acceptChecksums(List<String> revisions) {
			return new Command(("accept-checksum " + arguments(revisions)).strip(),
					"Migrator.acceptChecksums(" + list(revisions) + ")");
		}

		/**
		 * {@code merge -m <message> <rev>...}, which writes a file and so has no {@link Migrator}
		 * call.
		 * @param message the message of the merge revision
		 * @param revisions the revisions to merge, e.g. {@code heads}
		 * @return the command
		 */
		public static Command merge(String message, List<String> revisions) {
			return new Command("merge -m " + argument(message) + " " + arguments(revisions), null);
		}

		private static String arguments(List<String> values) {
			return values.stream().map(Command::argument).collect(Collectors.joining(" "));
		}

		/**
		 * An argument as a shell and {@code migrate.command} read it: as it is when it needs no
		 * quotes, else in double quotes when they keep it as it is, else in single quotes.
		 */
		private static String argument(String value) {
			boolean special = value.chars().anyMatch((c) -> "\"'\\$`".indexOf(c) >= 0);
			if (!value.isEmpty() && !special && value.chars().noneMatch(Character::isWhitespace)) {
				return value;
			}
			if (!special) {
				return '"' + value + '"';
			}
			if (value.indexOf('\'') < 0) {
				return "'" + value + "'";
			}
			return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		}

		private static String list(List<String> values) {
			return values.stream().map(Command::literal).collect(Collectors.joining(", ", "List.of(", ")"));
		}

		private static String literal(String value) {
			return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		}

	}

}
