/**
 * Plans: what upgrade, downgrade and stamp do to a database, computed from the revision graph,
 * the current heads and a target, without touching a database.
 */
package dev.migrate.plan;
