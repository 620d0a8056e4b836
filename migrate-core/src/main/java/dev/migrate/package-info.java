/**
 * The public API of migrate: {@link dev.migrate.Migrator} and its settings, events, results and
 * errors, and the {@link dev.migrate.JavaRevision} contract for revisions written in Java.
 */
@NullMarked
package dev.migrate;

import org.jspecify.annotations.NullMarked;
