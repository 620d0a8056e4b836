package dev.migrate.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before retrying a revision that hit {@code lock_timeout}: exponential from 200 ms,
 * capped at 10 s, with jitter (half of the base plus a random part of the other half) so that
 * retries do not line up with the sessions they wait for.
 */
final class Backoff {

	private static final long FIRST_MS = 200;

	private static final long MAX_MS = 10_000;

	private Backoff() {
	}

	/**
	 * The pause after a failed attempt.
	 * @param attempt the attempt that failed, 1-based
	 * @return the pause
	 */
	static Duration afterAttempt(int attempt) {
		long base = Math.min(MAX_MS, FIRST_MS << Math.min(attempt - 1, 10));
		long half = base / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

}
