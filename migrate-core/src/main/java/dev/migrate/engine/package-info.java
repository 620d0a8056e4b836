/**
 * The engine behind {@link dev.migrate.Migrator}: version and history tables on a live
 * database, the advisory lock, validation and the revision executor. Internal.
 */
package dev.migrate.engine;
