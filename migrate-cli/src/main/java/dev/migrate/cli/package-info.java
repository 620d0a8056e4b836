/**
 * The {@code migrate} command line: picocli subcommands over {@link dev.migrate.command}.
 */
package dev.migrate.cli;
