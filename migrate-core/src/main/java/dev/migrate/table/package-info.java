/**
 * SQL text of the version and history tables, with validated and quoted names.
 */
@NullMarked
package dev.migrate.table;

import org.jspecify.annotations.NullMarked;
