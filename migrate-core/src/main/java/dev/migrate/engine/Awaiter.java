package dev.migrate.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrationStatus;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.revision.Revision;

/**
 * Waits, without the lock and without writing, until the database reaches a target that
 * another process (an instance, a job) migrates it to: polls the status with
 * {@link Backoff#AWAIT_POLL}, logs progress every 10 s on {@code dev.migrate.runtime}, fails at
 * once on what waiting cannot fix (edited revisions, several heads, an unknown revision unless
 * allowed) and with {@link ErrorCode#AWAIT_TIMEOUT} when the timeout passes.
 */
public final class Awaiter {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	private final Function<String, MigrationStatus> status;

	private final Consumer<String> check;

	private final boolean allowUnknownRevisions;

	private final Vocabulary vocabulary;

	/**
	 * Create an awaiter.
	 * @param status reads the status against a target
	 * @param check throws the failure of a status that waiting cannot fix
	 * @param allowUnknownRevisions whether a database at an unknown revision counts as there
	 * @param vocabulary how the caller names the timeout and the upgrade command
	 */
	public Awaiter(Function<String, MigrationStatus> status, Consumer<String> check, boolean allowUnknownRevisions,
			Vocabulary vocabulary) {
		this.status = status;
		this.check = check;
		this.allowUnknownRevisions = allowUnknownRevisions;
		this.vocabulary = vocabulary;
	}

	/**
	 * Wait until the database is at a target.
	 * @param target the target
	 * @param timeout how long to wait at most
	 * @param progress sees each status read
	 * @return the status at the target
	 * @throws MigrateException {@link ErrorCode#AWAIT_TIMEOUT} when the timeout passes, or the
	 * failure of a state waiting cannot fix
	 */
	public MigrationStatus await(String target, Duration timeout, Consumer<MigrationStatus> progress) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextReport = start + REPORT_EVERY.toNanos();
		int attempt = 0;
		while (true) {
			MigrationStatus current = this.status.apply(target);
			progress.accept(current);
			switch (current.state()) {
				case UP_TO_DATE -> {
					if (attempt > 0) {
						logger.info("Database reached {} at {} after waiting {}", target, current.current(),
								Durations.format(Duration.ofNanos(System.nanoTime() - start).withNanos(0)));
					}
					return current;
				}
				case UNKNOWN_REVISION -> {
					if (this.allowUnknownRevisions) {
						return current;
					}
					this.check.accept(target);
				}
				case DRIFT, MULTIPLE_HEADS -> this.check.accept(target);
				case PENDING -> {
				}
			}
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				throw timedOut(target, timeout, current);
			}
			if (now - nextReport >= 0) {
				logger.info("Waiting for the database to reach {}: {} revision(s) pending, current {}, migration lock {}; "
						+ "waited {} of {}", target, current.pending().size(), current.current(), lock(current),
						Durations.format(Duration.ofNanos(now - start).withNanos(0)), Durations.format(timeout));
				nextReport = now + REPORT_EVERY.toNanos();
			}
			Backoff.sleep(Backoff.AWAIT_POLL.pause(attempt++, deadline),
					() -> new MigrateException(ErrorCode.AWAIT_TIMEOUT,
							"Interrupted while waiting for the database to reach " + target,
							"Nothing was changed; start again"));
		}
	}

	private MigrateException timedOut(String target, Duration timeout, MigrationStatus status) {
		List<String> pending = status.pending().stream().map(Revision::id).toList();
		return new MigrateException(ErrorCode.AWAIT_TIMEOUT,
				"The database did not reach " + target + " within " + Durations.format(timeout) + " ("
						+ this.vocabulary.setting(Setting.AWAIT_TIMEOUT) + "): still " + pending.size()
						+ " revision(s) pending " + pending + ", current " + status.current() + ", migration lock "
						+ ((status.lock() != null) ? "held by " + status.lock() : "free (nobody is migrating)"),
				"Run the migration (" + this.vocabulary.command(Command.upgrade(target))
						+ " from a job or an instance that migrates), or raise "
						+ this.vocabulary.setting(Setting.AWAIT_TIMEOUT) + " if it is still running");
	}

	private static String lock(MigrationStatus status) {
		return (status.lock() != null) ? "held by " + status.lock() : "free";
	}

}
