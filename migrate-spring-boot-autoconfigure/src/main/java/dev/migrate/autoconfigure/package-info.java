/**
 * Spring Boot auto-configuration for migrate: startup migration, traffic gate, actuator
 * endpoint, health indicator and metrics.
 */
@NullMarked
package dev.migrate.autoconfigure;

import org.jspecify.annotations.NullMarked;
