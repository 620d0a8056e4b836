/**
 * Shadow databases for autogenerating revisions and checking drift: a temporary
 * database created on the server and always dropped, or a database given for the purpose and
 * emptied after use; the desired-schema scripts applied into them ({@code schema.sql} or
 * {@code pg_dump --schema-only} output); and the revisions replayed into them.
 */
@NullMarked
package dev.migrate.shadow;

import org.jspecify.annotations.NullMarked;
