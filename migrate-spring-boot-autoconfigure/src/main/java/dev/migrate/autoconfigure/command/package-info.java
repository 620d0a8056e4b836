/**
 * The application's command mode: {@code migrate.command} runs one command of
 * {@link dev.migrate.command} with the application's configuration instead of serving traffic.
 */
@NullMarked
package dev.migrate.autoconfigure.command;

import org.jspecify.annotations.NullMarked;
