package dev.migrate;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The words failures and log lines use for what a user can change or run: each
 * {@link Setting} and {@link Command} spelled the way the front end that called migrate spells
 * it (a property, an option of a command line, or
 * {@code MigrateSettings.Builder.lockTimeout(...)}). Travels in
 * {@link MigrateSettings#vocabulary()}; the default is {@link #java()}. Each front end brings
 * its own implementation; the core knows only the Java API's words.
 */
public interface Vocabulary {

	/**
	 * How to name a setting.
	 * @param setting the setting
	 * @return its spelling, e.g. {@code MigrateSettings.Builder.lockTimeout(...)}; for
	 * {@link Setting#VALIDATE_CHECKSUMS} and {@link Setting#ALLOW_UNKNOWN_REVISIONS}, the spelling
	 * that turns the setting to the value advice suggests, e.g.
	 * {@code MigrateSettings.Builder.validateChecksums(false)}
	 */
	String setting(Setting setting);

	/**
	 * Where this run's value of a setting came from, when the front end knows and it helps.
	 * @param setting the setting
	 * @return a sentence saying where the value came from, or {@code null}
	 */
	default @Nullable String origin(Setting setting) {
		return null;
	}

	/**
	 * How to run a command.
	 * @param command the command
	 * @return e.g. {@code Migrator.acceptChecksums(List.of("ae10"))}
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

		/** The pause before each connect retry. */
		CONNECT_RETRY_INTERVAL,

		/** How long await waits for the database to reach the target. */
		AWAIT_TIMEOUT,

		/**
		 * The database autogenerate and the drift check use as their
		 * shadow instead of a temporary one.
		 */
		SHADOW_URL

	}

	/**
	 * A command that advice suggests: which one and its arguments. Each vocabulary spells it as
	 * its front end runs it (a {@link Migrator} call, a command line...).
	 */
	sealed interface Command permits Command.Upgrade, Command.Stamp, Command.AcceptChecksums, Command.Merge,
			Command.ListPending {

		/**
		 * Upgrade to a target.
		 * @param target the target
		 * @return the command
		 */
		static Command upgrade(String target) {
			return new Upgrade(target);
		}

		/**
		 * Stamp the version table.
		 * @param targets the targets
		 * @param purge whether the version table is emptied first
		 * @return the command
		 */
		static Command stamp(List<String> targets, boolean purge) {
			return new Stamp(targets, purge);
		}

		/**
		 * Accept the checksums of edited applied revisions.
		 * @param revisions the revisions; empty for every edited one
		 * @return the command
		 */
		static Command acceptChecksums(List<String> revisions) {
			return new AcceptChecksums(revisions);
		}

		/**
		 * Write a merge revision, which only the commands can do (there is no {@link Migrator}
		 * call).
		 * @param message the message of the merge revision
		 * @param revisions the revisions to merge, e.g. {@code heads}
		 * @return the command
		 */
		static Command merge(String message, List<String> revisions) {
			return new Merge(message, revisions);
		}

		/**
		 * List every revision the database still needs to reach its heads.
		 * @return the command
		 */
		static Command listPending() {
			return new ListPending();
		}

		/** List every revision the database still needs to reach its heads. */
		record ListPending() implements Command {

		}

		/**
		 * Upgrade to a target.
		 * @param target the target
		 */
		record Upgrade(String target) implements Command {

			/** Check the target. */
			public Upgrade {
				Objects.requireNonNull(target, "'target' must not be null");
			}

		}

		/**
		 * Set the version table without running revisions.
		 * @param targets the targets
		 * @param purge whether the version table is emptied first
		 */
		record Stamp(List<String> targets, boolean purge) implements Command {

			/** Copy the targets. */
			public Stamp {
				targets = List.copyOf(targets);
			}

		}

		/**
		 * Accept the current checksums of applied revisions whose files were edited.
		 * @param revisions the revisions; empty for every edited one
		 */
		record AcceptChecksums(List<String> revisions) implements Command {

			/** Copy the revisions. */
			public AcceptChecksums {
				revisions = List.copyOf(revisions);
			}

		}

		/**
		 * Write a revision merging others.
		 * @param message the message of the merge revision
		 * @param revisions the revisions to merge
		 */
		record Merge(String message, List<String> revisions) implements Command {

			/** Check the message and copy the revisions. */
			public Merge {
				Objects.requireNonNull(message, "'message' must not be null");
				revisions = List.copyOf(revisions);
			}

		}

	}

}
