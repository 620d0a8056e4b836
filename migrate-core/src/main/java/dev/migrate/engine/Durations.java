package dev.migrate.engine;

import java.time.Duration;

/**
 * Durations as messages print them: {@code 500 ms}, {@code 15 s}, {@code 1500 ms},
 * {@code 10 min}, {@code 2 h}, in the largest unit that holds the value exactly.
 */
final class Durations {

	private Durations() {
	}

	/**
	 * Format a duration.
	 * @param duration the duration, zero or more
	 * @return e.g. {@code 15 s}
	 */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis != 0 && millis % 3_600_000 == 0) {
			return (millis / 3_600_000) + " h";
		}
		if (millis != 0 && millis % 60_000 == 0) {
			return (millis / 60_000) + " min";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + " s";
		}
		return millis + " ms";
	}

}
