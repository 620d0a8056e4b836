/**
 * The engine behind {@link dev.migrate.Migrator}: version and history tables on a live
 * database, the advisory lock, validation and the revision executor. Internal.
 */
@NullMarked
package dev.migrate.engine;

import org.jspecify.annotations.NullMarked;
