/**
 * The benchmark harness: generates revisions, starts each program as its own process, and
 * writes the tables of docs/benchmarks.md.
 */
package dev.migrate.benchmarks;
