package dev.migrate.benchmarks;

/**
 * One process (or, in the race, the slowest of several), measured from launch to exit.
 *
 * @param wallMs wall time from launch to exit, in milliseconds
 * @param cpuMs user plus system CPU time, in milliseconds (10 ms resolution)
 * @param peakRssKb peak resident set size in KiB (the largest process in a race)
 * @param exitCode the exit status (the first non-zero one in a race)
 * @param output the last lines of the output, kept to explain a failure
 */
record Measurement(double wallMs, double cpuMs, long peakRssKb, int exitCode, String output) {

	boolean succeeded() {
		return this.exitCode == 0;
	}

}
