package dev.migrate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: an upgrade, downgrade or stamp, successful or not.
 *
 * @param id the row's sequence number
 * @param revision the revision id ({@code null} for a stamp to base)
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param message the revision's message at the time, or {@code null}
 * @param checksum the revision's checksum at the time, or {@code null}
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param executionMs how long it ran
 * @param success whether it succeeded
 * @param error the failure, or {@code null}
 * @param databaseUser the database user
 * @param instance the application instance tag, or {@code null}
 */
public record HistoryEntry(long id, @Nullable String revision, String direction, @Nullable String message,
		@Nullable String checksum, Instant startedAt, Instant finishedAt, long executionMs, boolean success,
		@Nullable String error, String databaseUser, @Nullable String instance) {

}
