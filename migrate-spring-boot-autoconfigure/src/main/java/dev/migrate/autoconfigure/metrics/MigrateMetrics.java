package dev.migrate.autoconfigure.metrics;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migrate.autoconfigure.MigrationTracker;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.SpringBootVocabulary;
import dev.migrate.plan.Direction;

/**
 * {@link MeterBinder} for migrations: {@code migrate.runs} (tag {@code outcome}),
 * {@code migrate.revisions.applied} (tag {@code direction}), {@code migrate.revision.duration}
 * (tags {@code direction}, {@code outcome}), {@code migrate.pending} and
 * {@code migrate.lock.wait}, each tagged with the {@code instance} ({@code default}, or a name of
 * {@code migrate.instances}). Meters read the tracker's totals, so migrations that ran before
 * the registry was bound (eager phase) are counted too.
 */
public final class MigrateMetrics implements MeterBinder {

	/** Held strongly: Micrometer keeps only weak references to the state of gauges. */
	private final MigrationTracker tracker;

	private final String instance;

	/**
	 * Create the binder of the default instance.
	 * @param tracker the progress of migrations in this application
	 */
	public MigrateMetrics(MigrationTracker tracker) {
		this("default", tracker);
	}

	/**
	 * Create the binder of an instance.
	 * @param instance the instance's name, the value of the {@code instance} tag
	 * @param tracker the progress of the instance's migrations in this application
	 */
	public MigrateMetrics(String instance, MigrationTracker tracker) {
		this.instance = instance;
		this.tracker = tracker;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			FunctionCounter.builder("migrate.runs", this.tracker, (tracker) -> tracker.runs(outcome))
				.description("Migration runs (upgrade, downgrade, stamp) in this application")
				.tags("outcome", outcome.name(), "instance", this.instance)
				.register(registry);
		}
		for (Direction direction : Direction.values()) {
			String tag = direction.name().toLowerCase(Locale.ROOT);
			FunctionCounter.builder("migrate.revisions.applied", this.tracker, (tracker) -> tracker.applied(direction))
				.description("Revisions applied (upgraded, downgraded or stamped) by this application")
				.tags("direction", tag, "instance", this.instance)
				.register(registry);
			for (Outcome outcome : List.of(Outcome.SUCCESS, Outcome.FAILURE)) {
				FunctionTimer
					.builder("migrate.revision.duration", this.tracker,
							(tracker) -> tracker.revisionDurations(direction, outcome).count(),
							(tracker) -> tracker.revisionDurations(direction, outcome).totalNanos(),
							TimeUnit.NANOSECONDS)
					.description("Time taken by each revision, by direction and outcome")
					.tags("direction", tag, "outcome", outcome.name(), "instance", this.instance)
					.register(registry);
			}
		}
		Gauge.builder("migrate.pending", this.tracker, MigrateMetrics::pending)
			.description("Revisions pending against " + SpringBootVocabulary.TARGET
					+ ", as last seen (NaN before the first read)")
			.tag("instance", this.instance)
			.register(registry);
		FunctionTimer
			.builder("migrate.lock.wait", this.tracker, (tracker) -> tracker.lockWaits().count(),
					(tracker) -> tracker.lockWaits().totalNanos(), TimeUnit.NANOSECONDS)
			.description("Time taken to acquire the migration lock (zero when no other instance held it)")
			.tag("instance", this.instance)
			.register(registry);
	}

	private static double pending(MigrationTracker tracker) {
		int pending = tracker.pendingCount();
		return (pending >= 0) ? pending : Double.NaN;
	}

}
