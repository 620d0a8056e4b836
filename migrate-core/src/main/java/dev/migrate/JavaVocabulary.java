package dev.migrate;

/**
 * The words of the Java API: setters of {@link MigrateSettings.Builder} and {@link Migrator}
 * calls. A command without a call is named as a command of the {@code migrate} CLI.
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
			case SHADOW_URL -> "ShadowDatabase.provided(...)";
		};
	}

	@Override
	public String command(Command command) {
		return (command.call() != null) ? command.call() : "'" + command.line() + "', a command of the migrate CLI";
	}

	@Override
	public String toString() {
		return "Vocabulary.java()";
	}

}
