package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.autoconfigure.MigrateProperties.Mode;

/**
 * The startup action of {@code migrate.mode}, shared by the runner and eager phases:
 * {@code upgrade}, {@code validate} (check only, never writes) or {@code await} (poll the state
 * until another instance brings the database to the target).
 */
final class StartupMigration {

	private static final Log logger = LogFactory.getLog(StartupMigration.class);

	private final String instance;

	private final Migrator migrator;

	private final MigrateProperties properties;

	private final MigrationTracker tracker;

	private final @Nullable MigrationStrategy strategy;

	StartupMigration(Migrator migrator, MigrateProperties properties, MigrationTracker tracker) {
		this(MigrateInstance.DEFAULT, migrator, properties, tracker, null);
	}

	StartupMigration(String instance, Migrator migrator, MigrateProperties properties, MigrationTracker tracker,
			@Nullable MigrationStrategy strategy) {
		this.instance = instance;
		this.migrator = migrator;
		this.properties = properties;
		this.tracker = tracker;
		this.strategy = strategy;
	}

	/** Whether a startup action runs, i.e. the mode is not {@code off} and no command is set. */
	static boolean runsAtStartup(MigrateProperties properties) {
		return properties.getMode() != Mode.OFF && !CommandMode.isOn(properties);
	}

	/**
	 * Run the startup action of the configured mode.
	 * @throws MigrateException when it fails
	 */
	void run() {
		if (this.strategy != null) {
			runStrategy(this.strategy);
			return;
		}
		String target = this.properties.getTarget();
		try {
			List<String> heads = switch (this.properties.getMode()) {
				case UPGRADE -> upgrade(target);
				case VALIDATE -> validate(target);
				case AWAIT -> await(target);
				case OFF -> this.migrator.current();
			};
			this.tracker.startupSucceeded(heads);
		}
		catch (MigrateException ex) {
			this.tracker.startupFailed(ex);
			throw ex;
		}
	}

	private void runStrategy(MigrationStrategy strategy) {
		try {
			strategy.migrate(this.migrator);
		}
		catch (MigrateException ex) {
			this.tracker.startupFailed(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			this.tracker.startupFailed(new MigrateException(ErrorCode.REVISION_FAILED,
					prefix() + "The MigrationStrategy " + strategy.getClass().getName() + " failed: " + ex.getMessage(),
					"Fix the MigrationStrategy bean", ex));
			throw ex;
		}
		List<String> heads = sorted(this.migrator.current());
		logger.info(prefix() + "MigrationStrategy " + strategy.getClass().getName() + " done; database is at "
				+ describe(heads));
		this.tracker.startupSucceeded(heads);
	}

	private List<String> upgrade(String target) {
		MigrationResult result = this.migrator.upgrade(target);
		List<String> heads = sorted(result.headsAfter());
		List<String> unknown = heads.stream().filter((head) -> !this.migrator.knows(head)).toList();
		if (!unknown.isEmpty()) {
			logger.warn(prefix() + "Database is at " + describe(unknown) + ", unknown to this build; nothing was applied "
					+ "(" + SpringBootVocabulary.INSTANCE.setting(Setting.ALLOW_UNKNOWN_REVISIONS) + "). A newer version of the application probably "
					+ "migrated it; this version runs against that schema");
		}
		else if (logger.isInfoEnabled()) {
			logger.info(prefix() + (result.completed().isEmpty() ? "Database is up to date at " + describe(heads)
					: "Applied " + result.completed().size() + " revision(s) in " + result.duration().toMillis()
							+ " ms; database is at " + describe(heads)));
		}
		if (unknown.isEmpty() && heads.size() > 1 && "heads".equals(target)) {
			logger.warn(prefix() + SeveralHeadsWarning.message(heads, this.properties.getLocations(), this.instance));
		}
		return heads;
	}

	private List<String> validate(String target) {
		this.migrator.check(target);
		List<String> heads = this.migrator.current();
		logger.info(prefix() + "Validated the database at " + describe(heads) + " against " + target
				+ " (" + SpringBootVocabulary.MODE + "=validate): nothing pending");
		return heads;
	}

	private List<String> await(String target) {
		logger.info(prefix() + "Waiting for another instance to bring the database to " + target + " ("
				+ SpringBootVocabulary.MODE + "=await) for at most " + this.properties.getLock().getTimeout().toSeconds()
				+ " s");
		MigrationStatus status = this.migrator.await(target, this.properties.getLock().getTimeout(),
				(progress) -> this.tracker.pending(progress.pending().size()));
		logger.info(prefix() + "Database reached " + target + " at " + describe(status.current()) + " ("
				+ SpringBootVocabulary.MODE + "=await)");
		return status.current();
	}

	/** Names a further instance at the start of a log line; nothing for the default one. */
	private String prefix() {
		return MigrateInstance.DEFAULT.equals(this.instance) ? ""
				: "Instance '" + this.instance + "' (" + SpringBootVocabulary.INSTANCES + "." + this.instance + "): ";
	}

	private static List<String> sorted(java.util.Collection<String> heads) {
		List<String> sorted = new ArrayList<>(heads);
		sorted.sort(null);
		return sorted;
	}

	private static String describe(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads);
	}

}
