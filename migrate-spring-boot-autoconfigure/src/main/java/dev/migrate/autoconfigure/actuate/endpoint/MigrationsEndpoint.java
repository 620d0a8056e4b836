package dev.migrate.autoconfigure.actuate.endpoint;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.migrate.AppliedRevision;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrationStateReader;
import dev.migrate.autoconfigure.MigrationTracker;
import dev.migrate.autoconfigure.MigrationTracker.LastRun;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.MigrationTracker.Running;
import dev.migrate.autoconfigure.MigrationTracker.Snapshot;
import dev.migrate.autoconfigure.Redaction;
import dev.migrate.revision.Revision;

/**
 * {@link Endpoint @Endpoint} that exposes the migration state: status, current and head
 * revisions, pending and applied revisions, the running revision, the lock holder and the last
 * run. Reads on the application's data source without the migration lock, so it answers while a
 * migration runs. Read-only by default; the upgrade, downgrade and stamp operations exist only
 * when {@code management.endpoint.migrations.access=unrestricted}.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private final MigrationStateReader reader;

	private final MigrationTracker tracker;

	/**
	 * Create the endpoint.
	 * @param reader reads the migration state
	 * @param tracker the progress of migrations in this application
	 */
	public MigrationsEndpoint(MigrationStateReader reader, MigrationTracker tracker) {
		this.reader = reader;
		this.tracker = tracker;
	}

	/**
	 * The migration state.
	 * @return the state
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		MigrationStatus status = this.reader.status();
		Snapshot progress = this.tracker.snapshot();
		if (!progress.active()) {
			this.tracker.pending(status.pending().size());
		}
		return new MigrationsDescriptor(statusOf(progress, status), status.current(), status.heads(),
				status.pending().stream().map(PendingRevisionDescriptor::of).toList(),
				status.applied().stream().map(AppliedRevisionDescriptor::of).toList(),
				RunningDescriptor.of(progress.running()), LockDescriptor.of(status.lock()),
				LastRunDescriptor.of(progress.lastRun()));
	}

	/**
	 * One revision of this build, or {@code null} (404) when the id is unknown.
	 * @param revision the revision id
	 * @return the revision
	 */
	@ReadOperation
	public @Nullable RevisionDescriptor revision(@Selector String revision) {
		Revision found = this.reader.reader().graph().find(revision).orElse(null);
		if (found == null) {
			return null;
		}
		MigrationStatus status = this.reader.status();
		Running running = this.tracker.snapshot().running();
		AppliedRevision applied = status.applied()
			.stream()
			.filter((candidate) -> candidate.revision().equals(revision))
			.findFirst()
			.orElse(null);
		String state;
		if (running != null && running.revision().equals(revision)) {
			state = "RUNNING";
		}
		else if (applied != null) {
			state = "APPLIED";
		}
		else if (status.pending().stream().anyMatch((pending) -> pending.id().equals(revision))) {
			state = "PENDING";
		}
		else {
			state = "NOT_APPLIED";
		}
		return new RevisionDescriptor(found.id(), found.downRevisions(), found.message(), found.transactional(),
				found.source(), state, (applied != null) ? text(applied.appliedAt()) : null,
				(applied != null) ? applied.appliedBy() : null, (applied != null) ? applied.executionMs() : null,
				(applied != null && applied.checksum() != null) ? applied.checksum() : found.checksum());
	}

	/**
	 * Run {@code upgrade}, {@code downgrade} or {@code stamp} to a target, under the migration
	 * lock. Only available when the endpoint's access is unrestricted.
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param target the target ({@code head}, {@code +1}, {@code -1}, an id...); for a stamp,
	 * comma-separated ids
	 * @param purge for a stamp, whether to empty the version table first
	 * @return what was done
	 */
	@WriteOperation
	public RunDescriptor run(@Selector String command, String target, @Nullable Boolean purge) {
		Migrator migrator = this.reader.migrator();
		long start = System.nanoTime();
		try {
			MigrationResult result = switch (command) {
				case "upgrade" -> migrator.upgrade(target);
				case "downgrade" -> migrator.downgrade(target);
				case "stamp" -> migrator.stamp(Arrays.stream(target.split("[,\\s]+")).filter((t) -> !t.isEmpty()).toList(),
						Boolean.TRUE.equals(purge));
				default -> throw new InvalidEndpointRequestException(
						"Unknown command '" + command + "'; use upgrade, downgrade or stamp", "unknown command");
			};
			return new RunDescriptor(command, target, Outcome.SUCCESS.name(), result.completed(),
					result.headsAfter().stream().sorted().toList(), result.duration().toMillis(), null);
		}
		catch (MigrateException ex) {
			LastRun lastRun = this.tracker.snapshot().lastRun();
			Outcome outcome = (lastRun != null) ? lastRun.outcome() : Outcome.REFUSED;
			return new RunDescriptor(command, target, outcome.name(), List.of(), List.of(),
					(System.nanoTime() - start) / 1_000_000, Redaction.redact(ex.getMessage()));
		}
	}

	private static String statusOf(Snapshot progress, MigrationStatus status) {
		if (progress.active()) {
			return "MIGRATING";
		}
		return switch (status.state()) {
			case UP_TO_DATE -> "UP_TO_DATE";
			case PENDING -> {
				if (status.lock() != null) {
					yield "MIGRATING";
				}
				boolean failed = progress.startupFailure() != null
						|| (progress.lastRun() != null && progress.lastRun().outcome() == Outcome.FAILURE);
				yield failed ? "FAILED" : "PENDING";
			}
			case UNKNOWN_REVISION -> "UNKNOWN_REVISION";
			case DRIFT -> "DRIFT";
			case MULTIPLE_HEADS -> "FAILED";
		};
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * The migration state, as {@code /actuator/migrations} shows it.
	 *
	 * @param status {@code UP_TO_DATE}, {@code PENDING}, {@code MIGRATING}, {@code FAILED},
	 * {@code UNKNOWN_REVISION} or {@code DRIFT}
	 * @param current the version-table rows
	 * @param heads the heads of this build's revision graph
	 * @param pending the revisions the target still needs, in order
	 * @param applied the applied revisions, oldest first
	 * @param running the revision running in this application, or {@code null}
	 * @param lock the migration lock
	 * @param lastRun the last run in this application, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record MigrationsDescriptor(String status, List<String> current, List<String> heads,
			List<PendingRevisionDescriptor> pending, List<AppliedRevisionDescriptor> applied,
			@Nullable RunningDescriptor running, LockDescriptor lock,
			@Nullable LastRunDescriptor lastRun) implements OperationResponseBody {
	}

	/**
	 * A pending revision.
	 *
	 * @param revision its id
	 * @param downRevisions its down revisions
	 * @param message its message
	 * @param transactional whether it runs in a transaction
	 */
	public record PendingRevisionDescriptor(String revision, List<String> downRevisions, String message,
			boolean transactional) {

		static PendingRevisionDescriptor of(Revision revision) {
			return new PendingRevisionDescriptor(revision.id(), revision.downRevisions(), revision.message(),
					revision.transactional());
		}

	}

	/**
	 * An applied revision.
	 *
	 * @param revision its id
	 * @param message its message
	 * @param appliedAt when it was applied, or {@code null} when the history has no row
	 * @param appliedBy the database user that applied it, or {@code null}
	 * @param executionMs how long it ran, or {@code null}
	 * @param checksum the checksum recorded when it was applied, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record AppliedRevisionDescriptor(String revision, String message, @Nullable String appliedAt,
			@Nullable String appliedBy, @Nullable Long executionMs, @Nullable String checksum) {

		static AppliedRevisionDescriptor of(AppliedRevision applied) {
			return new AppliedRevisionDescriptor(applied.revision(), applied.message(), text(applied.appliedAt()),
					applied.appliedBy(), applied.executionMs(), applied.checksum());
		}

	}

	/**
	 * The revision running in this application.
	 *
	 * @param revision its id
	 * @param statement the 1-based number of the running statement (0 before the first)
	 * @param statements the number of statements of the revision (0 before the first)
	 * @param startedAt when the revision started
	 */
	@JsonInclude(Include.ALWAYS)
	public record RunningDescriptor(String revision, int statement, int statements, String startedAt) {

		static @Nullable RunningDescriptor of(@Nullable Running running) {
			return (running != null) ? new RunningDescriptor(running.revision(), running.statement(),
					running.statements(), text(running.startedAt())) : null;
		}

	}

	/**
	 * The migration lock.
	 *
	 * @param held whether another session holds it
	 * @param holderPid the holder's backend process id, or {@code null}
	 * @param holderApplication the holder's {@code application_name}, or {@code null}
	 * @param since when the holder's current state began, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record LockDescriptor(boolean held, @Nullable Integer holderPid, @Nullable String holderApplication,
			@Nullable String since) {

		static LockDescriptor of(@Nullable LockHolder holder) {
			return (holder != null)
					? new LockDescriptor(true, holder.pid(), holder.applicationName(), text(holder.since()))
					: new LockDescriptor(false, null, null, null);
		}

	}

	/**
	 * The last upgrade, downgrade or stamp run in this application.
	 *
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param outcome {@code SUCCESS} or {@code FAILURE}
	 * @param applied the revisions it completed
	 * @param error the failure, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record LastRunDescriptor(String startedAt, String finishedAt, String outcome, List<String> applied,
			@Nullable String error) {

		static @Nullable LastRunDescriptor of(@Nullable LastRun run) {
			return (run != null) ? new LastRunDescriptor(text(run.startedAt()), text(run.finishedAt()),
					run.outcome().name(), run.applied(), run.error()) : null;
		}

	}

	/**
	 * One revision of this build.
	 *
	 * @param revision its id
	 * @param downRevisions its down revisions
	 * @param message its message
	 * @param transactional whether it runs in a transaction
	 * @param source where it was loaded from
	 * @param state {@code APPLIED}, {@code PENDING}, {@code RUNNING} or {@code NOT_APPLIED}
	 * @param appliedAt when it was applied, or {@code null}
	 * @param appliedBy the database user that applied it, or {@code null}
	 * @param executionMs how long it ran, or {@code null}
	 * @param checksum the recorded checksum when applied, else the checksum of its file
	 */
	@JsonInclude(Include.ALWAYS)
	public record RevisionDescriptor(String revision, List<String> downRevisions, String message,
			boolean transactional, String source, String state, @Nullable String appliedAt,
			@Nullable String appliedBy, @Nullable Long executionMs, @Nullable String checksum)
			implements OperationResponseBody {
	}

	/**
	 * What a write operation did.
	 *
	 * @param command the command
	 * @param target the target as given
	 * @param outcome {@code SUCCESS} or {@code FAILURE}
	 * @param applied the revisions whose steps completed
	 * @param heads the version-table rows afterwards (empty on failure)
	 * @param durationMs how long it took
	 * @param error the failure, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record RunDescriptor(String command, String target, String outcome, List<String> applied,
			List<String> heads, long durationMs, @Nullable String error) implements OperationResponseBody {
	}

}
