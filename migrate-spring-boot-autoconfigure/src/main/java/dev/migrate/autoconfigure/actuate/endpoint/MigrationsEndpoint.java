package dev.migrate.autoconfigure.actuate.endpoint;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.migrate.AppliedRevision;
import dev.migrate.ErrorCode;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateInstance;
import dev.migrate.autoconfigure.MigrationStateReader;
import dev.migrate.autoconfigure.MigrationTracker;
import dev.migrate.autoconfigure.MigrationTracker.LastRun;
import dev.migrate.autoconfigure.MigrationTracker.Outcome;
import dev.migrate.autoconfigure.MigrationTracker.Running;
import dev.migrate.autoconfigure.MigrationTracker.Snapshot;
import dev.migrate.Redaction;
import dev.migrate.autoconfigure.SchemaDriftTracker;
import dev.migrate.autoconfigure.SchemaDriftTracker.DriftCheckResult;
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

	static final String DENIED = "DENIED";

	static final String BAD_REQUEST = "BAD_REQUEST";

	private static final Set<String> COMMANDS = Set.of("upgrade", "downgrade", "stamp");

	private final MigrationTracker tracker;

	private final WriteAccess access;

	private final @Nullable SchemaDriftTracker schemaDrift;

	private final List<MigrateInstance> instances;

	/**
	 * Create the endpoint whose write operations admit principals in role
	 * {@code MIGRATE_ADMIN}.
	 * @param reader reads the migration state
	 * @param tracker the progress of migrations in this application
	 */
	public MigrationsEndpoint(MigrationStateReader reader, MigrationTracker tracker) {
		this(reader, tracker, WriteAccess.DEFAULT);
	}

	/**
	 * Create the endpoint.
	 * @param reader reads the migration state
	 * @param tracker the progress of migrations in this application
	 * @param access who may call the write operations
	 */
	public MigrationsEndpoint(MigrationStateReader reader, MigrationTracker tracker, WriteAccess access) {
		this(reader, tracker, access, null);
	}

	/**
	 * Create the endpoint with schema drift checks.
	 * @param reader reads the migration state
	 * @param tracker the progress of migrations in this application
	 * @param access who may call the write operations
	 * @param schemaDrift runs drift checks on demand and keeps the last result, or {@code null}
	 */
	public MigrationsEndpoint(MigrationStateReader reader, MigrationTracker tracker, WriteAccess access,
			@Nullable SchemaDriftTracker schemaDrift) {
		this(reader, tracker, access, schemaDrift, List.of());
	}

	/**
	 * Create the endpoint of the default instance and the instances of
	 * {@code migrate.instances}.
	 * @param reader reads the default instance's state
	 * @param tracker the progress of the default instance's migrations
	 * @param access who may call the write operations (of the default instance)
	 * @param schemaDrift runs drift checks of the default instance, or {@code null}
	 * @param instances the further instances
	 */
	public MigrationsEndpoint(MigrationStateReader reader, MigrationTracker tracker, WriteAccess access,
			@Nullable SchemaDriftTracker schemaDrift, List<MigrateInstance> instances) {
		this.reader = reader;
		this.tracker = tracker;
		this.access = access;
		this.schemaDrift = schemaDrift;
		this.instances = List.copyOf(instances);
	}

	/**
	 * The migration state, with the last schema drift check's result.
	 * @return the state
	 */
	public MigrationsDescriptor migrations() {
		return migrations(null);
	}

	/**
	 * The migration state, with the last schema drift check's result. With {@code drift=true}
	 * ({@code /actuator/migrations?drift=true}) a drift check ({@code check --drift}) runs first:
	 * it creates a shadow database and replays the applied revisions into it.
	 * @param drift whether to run a drift check now
	 * @return the state; its status is {@code DRIFT} when the last drift check found differences
	 */
	@ReadOperation
	public MigrationsDescriptor migrations(@Nullable Boolean drift) {
		if (Boolean.TRUE.equals(drift) && this.schemaDrift != null) {
			this.schemaDrift.check();
		}
		Map<String, MigrationsDescriptor> instances = new LinkedHashMap<>();
		for (MigrateInstance instance : this.instances) {
			instances.put(instance.name(), describe(instance.reader(), instance.tracker(), null, Map.of()));
		}
		return describe(this.reader, this.tracker, this.schemaDrift, instances);
	}

	/**
	 * The state of an instance of {@code migrate.instances} ({@code /actuator/migrations/{instance}}
	 * over HTTP, the {@code instance} operation over JMX).
	 * @param name the instance's name
	 * @return the state, or {@code null} when there is no such instance
	 */
	public @Nullable MigrationsDescriptor instance(String name) {
		for (MigrateInstance instance : this.instances) {
			if (instance.name().equals(name)) {
				return describe(instance.reader(), instance.tracker(), null, Map.of());
			}
		}
		return null;
	}

	private static MigrationsDescriptor describe(MigrationStateReader reader, MigrationTracker tracker,
			@Nullable SchemaDriftTracker schemaDrift, Map<String, MigrationsDescriptor> instances) {
		// Progress first: whatever it shows running began after the revisions before it were
		// committed, so the database read that follows already sees them as applied.
		Snapshot progress = tracker.snapshot();
		MigrationStatus status = reader.status();
		if (!progress.active()) {
			tracker.pending(status.pending().size());
		}
		DriftCheckResult lastDrift = (schemaDrift != null) ? schemaDrift.last() : null;
		String state = statusOf(progress, status);
		if (state.equals("UP_TO_DATE") && lastDrift != null && lastDrift.drifted()) {
			state = "DRIFT";
		}
		return new MigrationsDescriptor(state, status.current(), status.heads(),
				status.pending().stream().map(PendingRevisionDescriptor::of).toList(),
				status.applied().stream().map(AppliedRevisionDescriptor::of).toList(),
				RunningDescriptor.of(progress.running()), LockDescriptor.of(status.lock()),
				LastRunDescriptor.of(progress.lastRun()), SchemaDriftDescriptor.of(lastDrift), instances);
	}

	/**
	 * One revision of this build by id or unique id prefix, or {@code null} (404) when none
	 * matches.
	 * @param revision the revision id or a unique prefix of it
	 * @return the revision
	 * @throws MigrateException ({@link dev.migrate.ErrorCode#AMBIGUOUS_REVISION}) when several
	 * ids start with the prefix, or when the state cannot be read
	 */
	@ReadOperation
	public @Nullable RevisionDescriptor revision(@Selector String revision) {
		Revision found;
		try {
			found = this.reader.reader().graph().lookup(revision);
		}
		catch (MigrateException ex) {
			if (ex.code() == ErrorCode.UNKNOWN_REVISION) {
				return null;
			}
			throw ex;
		}
		String id = found.id();
		MigrationStatus status = this.reader.status();
		Running running = this.tracker.snapshot().running();
		AppliedRevision applied = status.applied()
			.stream()
			.filter((candidate) -> candidate.revision().equals(id))
			.findFirst()
			.orElse(null);
		String state;
		if (running != null && running.revision().equals(id)) {
			state = "RUNNING";
		}
		else if (applied != null) {
			state = "APPLIED";
		}
		else if (status.pending().stream().anyMatch((pending) -> pending.id().equals(id))) {
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
	 * lock. Only available when the endpoint's access is unrestricted, and only to callers the
	 * {@link WriteAccess} admits.
	 * @param securityContext the caller
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param target the target ({@code head}, {@code +1}, {@code -1}, an id or unique prefix...);
	 * for a stamp, comma-separated targets
	 * @param purge for a stamp, whether to empty the version table first
	 * @return what was done; {@link RunDescriptor#outcome()} and {@link RunDescriptor#code()}
	 * say why not
	 */
	@WriteOperation
	public RunDescriptor run(SecurityContext securityContext, @Selector String command, @Nullable String target,
			@Nullable Boolean purge) {
		long start = System.nanoTime();
		WriteAccess.Denial denial = this.access.check(securityContext);
		if (denial != null) {
			return refused(command, target, DENIED, denial.name(), this.access.explain(denial), start);
		}
		if (!COMMANDS.contains(command)) {
			return refused(command, target, Outcome.REFUSED.name(), BAD_REQUEST,
					"Unknown command '" + command + "'; use upgrade, downgrade or stamp", start);
		}
		if (target == null || target.isBlank()) {
			return refused(command, target, Outcome.REFUSED.name(), BAD_REQUEST,
					"No target given; send a JSON body such as {\"target\": \"heads\"}", start);
		}
		Migrator migrator = this.reader.migrator();
		try {
			MigrationResult result = switch (command) {
				case "upgrade" -> migrator.upgrade(target);
				case "downgrade" -> migrator.downgrade(target);
				default -> migrator.stamp(Arrays.stream(target.split("[,\\s]+")).filter((t) -> !t.isEmpty()).toList(),
						Boolean.TRUE.equals(purge));
			};
			return new RunDescriptor(command, target, Outcome.SUCCESS.name(), null, result.completed(),
					result.headsAfter().stream().sorted().toList(), millisSince(start), null);
		}
		catch (MigrateException ex) {
			LastRun lastRun = this.tracker.snapshot().lastRun();
			Outcome outcome = (lastRun != null) ? lastRun.outcome() : Outcome.REFUSED;
			return refused(command, target, outcome.name(), ex.code().name(), Redaction.redact(ex.getMessage()),
					start);
		}
	}

	private static RunDescriptor refused(String command, @Nullable String target, String outcome, String code,
			String error, long start) {
		return new RunDescriptor(command, target, outcome, code, List.of(), List.of(), millisSince(start), error);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
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
	 * @param instances the state of each instance of {@code migrate.instances} (empty without
	 * them, and in an instance's own state)
	 */
	@JsonInclude(Include.ALWAYS)
	public record MigrationsDescriptor(String status, List<String> current, List<String> heads,
			List<PendingRevisionDescriptor> pending, List<AppliedRevisionDescriptor> applied,
			@Nullable RunningDescriptor running, LockDescriptor lock, @Nullable LastRunDescriptor lastRun,
			@Nullable SchemaDriftDescriptor schemaDrift, Map<String, MigrationsDescriptor> instances)
			implements OperationResponseBody {
	}

	/**
	 * The last schema drift check ({@code check --drift}) this application ran.
	 *
	 * @param checkedAt when it ran
	 * @param differences one sentence per difference between the database and what its applied
	 * revisions create
	 * @param error why the check could not run, or {@code null}
	 */
	@JsonInclude(Include.NON_NULL)
	public record SchemaDriftDescriptor(String checkedAt, List<String> differences, @Nullable String error) {

		static @Nullable SchemaDriftDescriptor of(@Nullable DriftCheckResult result) {
			return (result != null) ? new SchemaDriftDescriptor(result.checkedAt().toString(), result.differences(),
					Redaction.redact(result.error())) : null;
		}

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
	 * @param target the target as given, or {@code null}
	 * @param outcome {@code SUCCESS}; {@code REFUSED} when nothing ran (bad or ambiguous target,
	 * several heads, lock held...); {@code FAILURE} when a step failed; {@code DENIED} when the
	 * caller may not write
	 * @param code why it did not succeed: an {@link ErrorCode} name, {@code BAD_REQUEST},
	 * {@code UNAUTHENTICATED} or {@code FORBIDDEN}; {@code null} on success
	 * @param applied the revisions whose steps completed
	 * @param heads the version-table rows afterwards (empty unless it succeeded)
	 * @param durationMs how long it took
	 * @param error the failure, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record RunDescriptor(String command, @Nullable String target, String outcome, @Nullable String code,
			List<String> applied, List<String> heads, long durationMs, @Nullable String error)
			implements OperationResponseBody {
	}

	/**
	 * The state when it cannot be read: the database went away or did not answer in time.
	 *
	 * @param status {@code UNKNOWN}
	 * @param error why, with credentials redacted
	 */
	@JsonInclude(Include.ALWAYS)
	public record UnknownStateDescriptor(String status, String error) implements OperationResponseBody {
	}

}
