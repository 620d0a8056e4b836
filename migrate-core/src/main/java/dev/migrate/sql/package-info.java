/**
 * SQL splitting, checksums and statement classification for PostgreSQL revisions.
 */
@NullMarked
package dev.migrate.sql;

import org.jspecify.annotations.NullMarked;
