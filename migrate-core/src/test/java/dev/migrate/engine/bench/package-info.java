/**
 * Benchmarks of the engine against a real PostgreSQL: plain {@code main} classes, not tests.
 */
package dev.migrate.engine.bench;
