package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationResult;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.MigrationTracker.Snapshot;
import dev.migrate.autoconfigure.metrics.MigrateMetrics;
import dev.migrate.plan.Direction;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Step;
import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationTracker} and the {@link MigrateMetrics} that read it.
 */
class MigrationTrackerTests {

	private final MigrationTracker tracker = new MigrationTracker(true);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void tracksARunRevisionByRevisionAndStatementByStatement() {
		new MigrateMetrics(this.tracker).bindTo(this.registry);
		Step first = step("r1", List.of());
		Step second = step("r2", List.of("r1"));
		Plan plan = new Plan(List.of(first, second), Set.of(), Set.of("r2"));
		this.tracker.onEvent(new MigrationEvent.LockWaiting(new LockHolder(42, "other", null, null), Duration.ofSeconds(3)));
		assertThat(this.tracker.snapshot().active()).isTrue();
		this.tracker.onEvent(new MigrationEvent.LockAcquired(Duration.ofSeconds(4)));
		this.tracker.onEvent(new MigrationEvent.RunStarted("upgrade", "heads", plan, Instant.now()));
		assertThat(this.tracker.pendingCount()).isEqualTo(2);
		this.tracker.onEvent(new MigrationEvent.RevisionStarted(first, 1, 2, Instant.now()));
		this.tracker.onEvent(new MigrationEvent.StatementStarted(first, 2, 3, 7));
		Snapshot running = this.tracker.snapshot();
		assertThat(running.running().revision()).isEqualTo("r1");
		assertThat(running.running().statement()).isEqualTo(2);
		assertThat(running.running().statements()).isEqualTo(3);
		this.tracker.onEvent(new MigrationEvent.RevisionFinished(first, Duration.ofMillis(120)));
		assertThat(this.tracker.pendingCount()).isEqualTo(1);
		this.tracker.onEvent(new MigrationEvent.RevisionStarted(second, 2, 2, Instant.now()));
		MigrateException failure = new MigrateException(ErrorCode.REVISION_FAILED,
				"r2 failed on jdbc:postgresql://u:pw@host/db", "fix it");
		this.tracker.onEvent(new MigrationEvent.RevisionFailed(second, failure));
		this.tracker.onEvent(new MigrationEvent.RunFinished(
				new MigrationResult(plan, List.of("r1"), Set.of("r1"), Duration.ofSeconds(5), true), failure));
		Snapshot after = this.tracker.snapshot();
		assertThat(after.active()).isFalse();
		assertThat(after.running()).isNull();
		assertThat(after.lastRun().outcome()).isEqualTo(Outcome.FAILURE);
		assertThat(after.lastRun().applied()).containsExactly("r1");
		assertThat(after.lastRun().error()).contains("r2 failed").doesNotContain("pw@");
		assertThat(this.registry.get("migrate.runs").tag("outcome", "FAILURE").functionCounter().count()).isEqualTo(1);
		assertThat(this.registry.get("migrate.runs").tag("outcome", "SUCCESS").functionCounter().count()).isZero();
		assertThat(this.registry.get("migrate.revisions.applied").tag("direction", "upgrade").functionCounter().count())
			.isEqualTo(1);
		FunctionTimer succeeded = this.registry.get("migrate.revision.duration")
			.tags("direction", "upgrade", "outcome", "SUCCESS")
			.functionTimer();
		assertThat(succeeded.count()).isEqualTo(1);
		assertThat(succeeded.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
		assertThat(this.registry.get("migrate.revision.duration")
			.tags("direction", "upgrade", "outcome", "FAILURE")
			.functionTimer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("migrate.lock.wait").functionTimer().totalTime(TimeUnit.SECONDS)).isEqualTo(4);
		assertThat(this.registry.get("migrate.pending").gauge().value()).isEqualTo(1);
		assertThat(this.registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getDescription()).isNotBlank());
	}

	@Test
	void fastPathRunWithoutRunStartedIsRecorded() {
		Plan empty = new Plan(List.of(), Set.of("r2"), Set.of("r2"));
		this.tracker.onEvent(new MigrationEvent.RunFinished(
				new MigrationResult(empty, List.of(), Set.of("r2"), Duration.ofMillis(8), false), null));
		Snapshot snapshot = this.tracker.snapshot();
		assertThat(snapshot.lastRun().outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(snapshot.lastRun().startedAt()).isBefore(snapshot.lastRun().finishedAt());
		assertThat(snapshot.heads()).containsExactly("r2");
		assertThat(this.tracker.runs(Outcome.SUCCESS)).isEqualTo(1);
	}

	@Test
	void runRefusedBeforeItStartedIsNotAFailure() {
		new MigrateMetrics(this.tracker).bindTo(this.registry);
		this.tracker.startupSucceeded(List.of("r2"));
		Plan none = new Plan(List.of(), Set.of("r2"), Set.of("r2"));
		MigrateException refused = new MigrateException(ErrorCode.AMBIGUOUS_WALK, "Ambiguous walk for '-1'", "give an id");
		this.tracker.onEvent(new MigrationEvent.RunFinished(
				new MigrationResult(none, List.of(), Set.of("r2"), Duration.ofMillis(3), false), refused));
		Snapshot snapshot = this.tracker.snapshot();
		assertThat(snapshot.lastRun().outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(snapshot.lastRun().error()).contains("Ambiguous walk");
		assertThat(snapshot.heads()).containsExactly("r2");
		assertThat(this.registry.get("migrate.runs").tag("outcome", "REFUSED").functionCounter().count()).isEqualTo(1);
		assertThat(this.registry.get("migrate.runs").tag("outcome", "FAILURE").functionCounter().count()).isZero();
	}

	@Test
	void pendingGaugeIsNaNUntilTheStateIsKnownAndTheStartupGateOpensOnSuccess() {
		new MigrateMetrics(this.tracker).bindTo(this.registry);
		assertThat(this.registry.get("migrate.pending").gauge().value()).isNaN();
		assertThat(this.tracker.isRefusingTraffic()).isTrue();
		this.tracker.startupSucceeded(List.of("r2"));
		assertThat(this.tracker.isRefusingTraffic()).isFalse();
		assertThat(this.registry.get("migrate.pending").gauge().value()).isZero();
	}

	@Test
	void metersAreRegisteredForEveryDirectionAndOutcome() {
		new MigrateMetrics(this.tracker).bindTo(this.registry);
		for (Direction direction : Direction.values()) {
			String tag = direction.name().toLowerCase(java.util.Locale.ROOT);
			assertThat(this.registry.find("migrate.revisions.applied").tag("direction", tag).functionCounter())
				.isNotNull();
			for (Outcome outcome : List.of(Outcome.SUCCESS, Outcome.FAILURE)) {
				assertThat(this.registry.find("migrate.revision.duration")
					.tags("direction", tag, "outcome", outcome.name())
					.functionTimer()).isNotNull();
			}
		}
		assertThat(this.registry.find("migrate.revision.duration").functionTimers()).hasSize(6);
	}

	private static Step step(String id, List<String> down) {
		Revision revision = new Revision(id, down, "revision " + id, null, true, "classpath:x/" + id + ".sql", "c",
				null, null);
		return new Step(Direction.UPGRADE, revision, down, List.of(id), List.of());
	}

}
