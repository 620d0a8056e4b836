/**
 * The Alembic-style commands ({@code current}, {@code history}, {@code upgrade}, {@code revision}...)
 * as plain Java, shared by the command line and the Spring Boot application's command mode.
 */
@NullMarked
package dev.migrate.command;

import org.jspecify.annotations.NullMarked;
