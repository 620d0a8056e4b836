/**
 * Revisions: parsing SQL revision files, scanning locations, adapting Java revisions and
 * loading them all.
 */
package dev.migrate.revision;
