/**
 * The revision graph built from down-revision pointers, and the target grammar resolved on it.
 */
package dev.migrate.graph;
