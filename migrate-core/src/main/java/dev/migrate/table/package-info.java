/**
 * SQL text of the version and history tables, with validated and quoted names.
 */
package dev.migrate.table;
