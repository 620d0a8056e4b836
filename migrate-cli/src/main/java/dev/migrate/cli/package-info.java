/**
 * The {@code migrate} command line: picocli subcommands over {@link dev.migrate.command}.
 */
@NullMarked
package dev.migrate.cli;

import org.jspecify.annotations.NullMarked;
