package dev.migrate.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.migrate.MigrateException;

/**
 * The one jittered backoff of the engine, for everything that waits and tries again: polling
 * the migration lock, retrying a revision that hit {@code lock_timeout}, and await polling the
 * database until it reaches a target. The pause after attempt {@code n} (0-based) is half of a
 * base growing from {@code first} by doubling up to {@code max}, plus a random part of the other
 * half, so that waiters do not poll, and retries do not line up, in step.
 */
final class Backoff {

	/** Polling the advisory lock: 50 ms to 1 s. */
	static final Backoff LOCK_POLL = new Backoff(100, 1_000);

	/** Retrying a revision after {@code lock_timeout}: 100 ms to 10 s. */
	static final Backoff DDL_RETRY = new Backoff(200, 10_000);

	/** Polling the database until it reaches a target: 125 ms to 2 s. */
	static final Backoff AWAIT_POLL = new Backoff(250, 2_000);

	private final long firstMillis;

	private final long maxMillis;

	private Backoff(long firstMillis, long maxMillis) {
		this.firstMillis = firstMillis;
		this.maxMillis = maxMillis;
	}

	/**
	 * The pause after an attempt.
	 * @param attempt the attempt that did not succeed, 0-based
	 * @return the pause
	 */
	Duration pause(int attempt) {
		long base = Math.min(this.maxMillis, this.firstMillis << Math.min(Math.max(attempt, 0), 20));
		long half = base / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	/**
	 * The pause after an attempt, ending no later than a deadline (and at least 1 ms).
	 * @param attempt the attempt that did not succeed, 0-based
	 * @param deadline the {@link System#nanoTime()} of the deadline
	 * @return the pause
	 */
	Duration pause(int attempt, long deadline) {
		long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
		return Duration.ofMillis(Math.min(pause(attempt).toMillis(), left));
	}

	/**
	 * Sleep, turning an interrupt into a failure (the interrupt flag stays set).
	 * @param pause how long
	 * @param interrupted the failure to throw when interrupted
	 */
	static void sleep(Duration pause, Supplier<MigrateException> interrupted) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			MigrateException failure = interrupted.get();
			failure.addSuppressed(ex);
			throw failure;
		}
	}

}
