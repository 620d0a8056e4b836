package dev.migrate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An applied revision with its last successful upgrade from the history table.
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param appliedAt when it was applied, or {@code null} when the history has no row (stamped or
 * applied by Alembic)
 * @param appliedBy the database user that applied it, or {@code null}
 * @param executionMs how long it ran, or {@code null}
 * @param checksum the checksum recorded when it was applied, or {@code null}
 */
public record AppliedRevision(String revision, String message, @Nullable Instant appliedAt, @Nullable String appliedBy,
		@Nullable Long executionMs, @Nullable String checksum) {

}
