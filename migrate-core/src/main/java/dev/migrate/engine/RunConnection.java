package dev.migrate.engine;

import java.sql.Connection;

/**
 * The dedicated connection of a run, with what writes its records and its session settings.
 *
 * @param connection the connection, holding the migration lock
 * @param recorder writes version-table changes and history rows on it
 * @param session its session settings
 * @param pending writes the failure rows the connection could not write
 */
record RunConnection(Connection connection, RunRecorder recorder, SessionSettings session, PendingHistory pending) {
}
