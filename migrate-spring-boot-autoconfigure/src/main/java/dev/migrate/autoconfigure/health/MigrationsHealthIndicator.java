package dev.migrate.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.migrate.MigrateException;
import dev.migrate.MigrationStatus;
import dev.migrate.autoconfigure.MigrationStateReader;
import dev.migrate.autoconfigure.MigrationTracker;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.Redaction;
import dev.migrate.autoconfigure.MigrationTracker.Snapshot;

/**
 * {@link HealthIndicator} of migrations: {@code OUT_OF_SERVICE} until the startup action has
 * finished and while a migration runs, {@code DOWN} when it failed, {@code UP} at the target.
 * Without a startup action ({@code migrate.mode=off}, command mode) it reads the state: up to
 * date is {@code UP}, pending is {@code OUT_OF_SERVICE}, anything else {@code DOWN}. When the
 * state cannot be read (the database went away, or did not answer within
 * {@code migrate.endpoint.timeout}), it is {@code UNKNOWN} with the reason, as the endpoint
 * says; after a successful startup it reads nothing itself and reports the endpoint's last
 * failed read.
 */
public final class MigrationsHealthIndicator implements HealthIndicator {

	private final MigrationTracker tracker;

	private final MigrationStateReader reader;

	/**
	 * Create the indicator.
	 * @param tracker the progress of migrations in this application
	 * @param reader reads the migration state
	 */
	public MigrationsHealthIndicator(MigrationTracker tracker, MigrationStateReader reader) {
		this.tracker = tracker;
		this.reader = reader;
	}

	@Override
	public Health health() {
		Snapshot progress = this.tracker.snapshot();
		if (progress.startupFailure() != null) {
			return Health.down().withDetail("error", Redaction.redact(progress.startupFailure().description())).build();
		}
		if (progress.startupPending() || progress.active()) {
			return Health.outOfService().withDetails(progress(progress)).build();
		}
		if (progress.lastRun() != null && progress.lastRun().outcome() == Outcome.FAILURE) {
			return Health.down().withDetail("error", progress.lastRun().error()).build();
		}
		if (progress.startupDone()) {
			MigrateException unreadable = this.reader.lastFailure();
			return ((unreadable != null) ? unknown(unreadable) : Health.up()).withDetail("current", progress.heads())
				.build();
		}
		MigrationStatus status;
		try {
			status = this.reader.status();
		}
		catch (MigrateException ex) {
			return unknown(ex).build();
		}
		Health.Builder builder = switch (status.state()) {
			case UP_TO_DATE -> Health.up();
			case PENDING -> Health.outOfService().withDetail("pending", status.pending().size());
			case UNKNOWN_REVISION, DRIFT, MULTIPLE_HEADS -> Health.down().withDetail("problems", status.problems());
		};
		return builder.withDetail("state", status.state().name()).withDetail("current", status.current()).build();
	}

	private static Health.Builder unknown(MigrateException failure) {
		return Health.unknown().withDetail("error", Redaction.redact(failure.getMessage()));
	}

	private static Map<String, Object> progress(Snapshot progress) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", "MIGRATING");
		if (progress.running() != null) {
			details.put("revision", progress.running().revision());
			details.put("statement", progress.running().statement());
			details.put("statements", progress.running().statements());
		}
		if (progress.lockWait() != null) {
			details.put("lockWaitSeconds", progress.lockWait().waited().toSeconds());
		}
		return details;
	}

}
