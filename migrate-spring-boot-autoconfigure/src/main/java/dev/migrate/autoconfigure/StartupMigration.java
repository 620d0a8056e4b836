package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateProperties.Mode;
import dev.migrate.revision.Revision;

/**
 * The startup action of {@code migrate.mode}, shared by the runner and eager phases:
 * {@code upgrade}, {@code validate} (check only, never writes) or {@code await} (poll the state
 * until another instance brings the database to the target).
 */
final class StartupMigration {

	private static final Log logger = LogFactory.getLog(StartupMigration.class);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	private final Migrator migrator;

	private final MigrateProperties properties;

	private final MigrationTracker tracker;

	private final Duration pollInterval;

	private final @Nullable MigrationStrategy strategy;

	StartupMigration(Migrator migrator, MigrateProperties properties, MigrationTracker tracker) {
		this(migrator, properties, tracker, null);
	}

	StartupMigration(Migrator migrator, MigrateProperties properties, MigrationTracker tracker,
			@Nullable MigrationStrategy strategy) {
		this(migrator, properties, tracker, strategy, Duration.ofSeconds(1));
	}

	StartupMigration(Migrator migrator, MigrateProperties properties, MigrationTracker tracker,
			@Nullable MigrationStrategy strategy, Duration pollInterval) {
		this.migrator = migrator;
		this.properties = properties;
		this.tracker = tracker;
		this.strategy = strategy;
		this.pollInterval = pollInterval;
	}

	/** Whether a startup action runs, i.e. the mode is not {@code off} and no command is set. */
	static boolean runsAtStartup(MigrateProperties properties) {
		return properties.getMode() != Mode.OFF && !properties.hasCommand();
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
					"The MigrationStrategy " + strategy.getClass().getName() + " failed: " + ex.getMessage(),
					"Fix the MigrationStrategy bean", ex));
			throw ex;
		}
		List<String> heads = sorted(this.migrator.current());
		logger.info("MigrationStrategy " + strategy.getClass().getName() + " done; database is at " + describe(heads));
		this.tracker.startupSucceeded(heads);
	}

	private List<String> upgrade(String target) {
		MigrationResult result = this.migrator.upgrade(target);
		List<String> heads = sorted(result.headsAfter());
		List<String> unknown = heads.stream().filter((head) -> this.migrator.graph().find(head).isEmpty()).toList();
		if (!unknown.isEmpty()) {
			logger.warn("Database is at " + describe(unknown) + ", unknown to this build; nothing was applied "
					+ "(migrate.allow-unknown-revisions=true). A newer version of the application probably "
					+ "migrated it; this version runs against that schema");
		}
		else if (logger.isInfoEnabled()) {
			logger.info(result.completed().isEmpty() ? "Database is up to date at " + describe(heads)
					: "Applied " + result.completed().size() + " revision(s) in " + result.duration().toMillis()
							+ " ms; database is at " + describe(heads));
		}
		if (unknown.isEmpty() && heads.size() > 1 && "heads".equals(target)) {
			logger.warn(SeveralHeadsWarning.message(heads, this.properties.getLocations()));
		}
		return heads;
	}

	private List<String> validate(String target) {
		this.migrator.check(target);
		List<String> heads = this.migrator.current();
		logger.info("Validated the database at " + describe(heads) + " against " + target
				+ " (migrate.mode=validate): nothing pending");
		return heads;
	}

	private List<String> await(String target) {
		Duration timeout = this.properties.getLock().getTimeout();
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextReport = start;
		while (true) {
			MigrationStatus status = this.migrator.status(target);
			this.tracker.pending(status.pending().size());
			switch (status.state()) {
				case UP_TO_DATE -> {
					logger.info("Database reached " + target + " at " + describe(status.current())
							+ " (migrate.mode=await)");
					return status.current();
				}
				case UNKNOWN_REVISION -> {
					if (this.properties.isAllowUnknownRevisions()) {
						return status.current();
					}
					this.migrator.check(target);
				}
				case DRIFT, MULTIPLE_HEADS -> this.migrator.check(target);
				case PENDING -> {
				}
			}
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				throw awaitTimeout(target, timeout, status);
			}
			if (now - nextReport >= 0) {
				logger.info("Waiting for another instance to bring the database to " + target + " (migrate.mode=await): "
						+ status.pending().size() + " revision(s) pending, current " + describe(status.current())
						+ ", migration lock " + ((status.lock() != null) ? "held by " + status.lock() : "free")
						+ "; waited " + Duration.ofNanos(now - start).toSeconds() + " s of " + timeout.toSeconds()
						+ " s");
				nextReport = now + REPORT_EVERY.toNanos();
			}
			sleep(Math.min(jittered(), Math.max(1, (deadline - now) / 1_000_000)));
		}
	}

	private MigrateException awaitTimeout(String target, Duration timeout, MigrationStatus status) {
		List<String> pending = status.pending().stream().map(Revision::id).toList();
		return new MigrateException(ErrorCode.AWAIT_TIMEOUT,
				"The database did not reach " + target + " within migrate.lock.timeout (" + timeout.toSeconds()
						+ " s) while waiting in migrate.mode=await: still " + pending.size() + " revision(s) pending "
						+ pending + ", current " + describe(status.current()) + ", migration lock "
						+ ((status.lock() != null) ? "held by " + status.lock() : "free (nobody is migrating)"),
				"Run the migration (an instance or job with migrate.mode=upgrade, or the CLI's upgrade command), "
						+ "or raise migrate.lock.timeout if it is still running");
	}

	private long jittered() {
		long millis = this.pollInterval.toMillis();
		return millis + ThreadLocalRandom.current().nextLong(millis / 4 + 1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException(ErrorCode.AWAIT_TIMEOUT,
					"Interrupted while waiting for another instance to migrate (migrate.mode=await)",
					"Start the application again", ex);
		}
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
