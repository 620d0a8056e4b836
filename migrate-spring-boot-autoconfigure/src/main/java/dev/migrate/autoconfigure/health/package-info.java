/**
 * The {@code migrations} health indicator and its place in the {@code readiness} group.
 */
@NullMarked
package dev.migrate.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
