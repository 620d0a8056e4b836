/**
 * Revisions: parsing SQL revision files, scanning locations, adapting Java revisions and
 * loading them all.
 */
@NullMarked
package dev.migrate.revision;

import org.jspecify.annotations.NullMarked;
