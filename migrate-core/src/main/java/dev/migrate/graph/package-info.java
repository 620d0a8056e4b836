/**
 * The revision graph built from down-revision pointers, and the target grammar resolved on it.
 */
@NullMarked
package dev.migrate.graph;

import org.jspecify.annotations.NullMarked;
