/**
 * Offline SQL: a plan rendered as a script instead of run.
 */
@NullMarked
package dev.migrate.offline;

import org.jspecify.annotations.NullMarked;
