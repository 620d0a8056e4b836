/**
 * Spring Boot auto-configuration for migrate: properties, the startup migration and the
 * auto-configurations of the traffic gate ({@code web}), the actuator endpoint
 * ({@code actuate.endpoint}), the health indicator ({@code health}) and metrics
 * ({@code metrics}).
 */
@NullMarked
package dev.migrate.autoconfigure;

import org.jspecify.annotations.NullMarked;
