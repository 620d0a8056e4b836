package dev.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of the Java API: setters of {@link MigrateSettings.Builder} and {@link Migrator}
 * calls. A command without a call (merge) is named as a command of the command line.
 */
final class JavaVocabulary implements Vocabulary {

	static final JavaVocabulary INSTANCE = new JavaVocabulary();

	private JavaVocabulary() {
	}

	@Override
	public String setting(Setting setting) {
		return switch (setting) {
			case LOCATIONS -> "MigrateSettings.Builder.locations(...)";
			case SCHEMA -> "MigrateSettings.Builder.schema(...)";
			case VERSION_TABLE -> "MigrateSettings.Builder.versionTable(...)";
			case HISTORY_TABLE -> "MigrateSettings.Builder.historyTable(...)";
			case LOCK_TIMEOUT -> "MigrateSettings.Builder.lockTimeout(...)";
			case DDL_LOCK_TIMEOUT -> "MigrateSettings.Builder.ddlLockTimeout(...)";
			case DDL_LOCK_RETRIES -> "MigrateSettings.Builder.ddlLockRetries(...)";
			case VALIDATE_CHECKSUMS -> "MigrateSettings.Builder.validateChecksums(false)";
			case ALLOW_UNKNOWN_REVISIONS -> "MigrateSettings.Builder.allowUnknownRevisions(true)";
			case CONNECTION -> "the DataSource given to Migrator.create";
			case URL -> "the URL of the DataSource given to Migrator.create";
			case CONNECT_RETRIES -> "MigrateSettings.Builder.connectRetries(...)";
			case NETWORK_TIMEOUT -> "MigrateSettings.Builder.networkTimeout(...)";
			case CONNECT_RETRY_INTERVAL -> "MigrateSettings.Builder.connectRetryInterval(...)";
			case AWAIT_TIMEOUT -> "the timeout given to Migrator.await";
			case SHADOW_URL -> "ShadowDatabase.provided(...)";
		};
	}

	@Override
	public String command(Command command) {
		if (command instanceof Command.Upgrade upgrade) {
			return "Migrator.upgrade(" + literal(upgrade.target()) + ")";
		}
		if (command instanceof Command.Stamp stamp) {
			return "Migrator.stamp(" + list(stamp.targets()) + ", " + stamp.purge() + ")";
		}
		if (command instanceof Command.AcceptChecksums accept) {
			return "Migrator.acceptChecksums(" + list(accept.revisions()) + ")";
		}
		if (command instanceof Command.ListPending) {
			return "Migrator.pending(\"heads\")";
		}
		Command.Merge merge = (Command.Merge) command;
		return "the merge command of the migrate CLI or command mode, merging " + String.join(", ", merge.revisions())
				+ " with the message " + literal(merge.message());
	}

	private static String list(List<String> values) {
		return values.stream().map(JavaVocabulary::literal).collect(Collectors.joining(", ", "List.of(", ")"));
	}

	private static String literal(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	@Override
	public String toString() {
		return "Vocabulary.java()";
	}

}
