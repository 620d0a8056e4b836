/**
 * The {@code migrations} actuator endpoint.
 */
@NullMarked
package dev.migrate.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
