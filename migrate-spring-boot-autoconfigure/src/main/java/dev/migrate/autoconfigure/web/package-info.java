/**
 * The traffic gate: servlet and WebFlux filters that refuse application requests until the
 * startup migration has finished.
 */
@NullMarked
package dev.migrate.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
