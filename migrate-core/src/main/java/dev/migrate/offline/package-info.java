/**
 * Offline SQL: a plan rendered as a script instead of run.
 */
package dev.migrate.offline;
