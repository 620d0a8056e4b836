/**
 * A document search service on PostgreSQL with pgvector that migrates its database at boot.
 */
@NullMarked
package dev.migrate.sample;

import org.jspecify.annotations.NullMarked;
