/**
 * Plans: what upgrade, downgrade and stamp do to a database, computed from the revision graph,
 * the current heads and a target, without touching a database.
 */
@NullMarked
package dev.migrate.plan;

import org.jspecify.annotations.NullMarked;
