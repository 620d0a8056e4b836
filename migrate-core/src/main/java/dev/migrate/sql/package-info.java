/**
 * SQL splitting, checksums and statement classification for PostgreSQL revisions.
 */
package dev.migrate.sql;
