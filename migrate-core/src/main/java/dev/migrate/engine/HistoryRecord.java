package dev.migrate.engine;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A history row to write: what happened to one revision in one step.
 *
 * @param revision the revision id, or {@code null} for a stamp to base
 * @param direction {@code upgrade}, {@code downgrade}, {@code stamp} or {@code accept_checksum}
 * @param message the revision's message, or {@code null}
 * @param checksum the revision's checksum, or {@code null}
 * @param startedAt when the step started
 * @param finishedAt when it ended
 * @param success whether it succeeded
 * @param error the failure, or {@code null}
 */
record HistoryRecord(@Nullable String revision, String direction, @Nullable String message,
		@Nullable String checksum, Instant startedAt, Instant finishedAt, boolean success, @Nullable String error) {

	/** How long the step ran, in milliseconds. */
	long executionMs() {
		return Duration.between(this.startedAt, this.finishedAt).toMillis();
	}

}
