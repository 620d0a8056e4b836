/**
 * Micrometer meters of migrations.
 */
@NullMarked
package dev.migrate.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
