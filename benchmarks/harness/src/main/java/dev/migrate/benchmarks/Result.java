package dev.migrate.benchmarks;

import java.util.Locale;

/**
 * One measured run of one program in one scenario.
 *
 * @param scenario the scenario
 * @param program the program's name
 * @param repetition the repetition, from 0 (runs of the same repetition are neighbours in time)
 * @param measurement what was measured
 * @param load1 the one-minute load average when the run ended
 * @param problem why the run does not count (failed, or applied a revision twice or not at all),
 * or {@code null}
 */
record Result(Scenario scenario, String program, int repetition, Measurement measurement, double load1,
		String problem) {

	boolean counts() {
		return this.problem == null;
	}

	String json() {
		return String.format(Locale.ROOT,
				"{\"scenario\":\"%s\",\"n\":%d,\"racers\":%d,\"program\":\"%s\",\"repetition\":%d,\"wall_ms\":%.1f,"
						+ "\"cpu_ms\":%.0f,\"peak_rss_kb\":%d,\"exit\":%d,\"load1\":%.2f,\"ok\":%b%s}",
				this.scenario.id(), this.scenario.size(), this.scenario.racers(), this.program, this.repetition,
				this.measurement.wallMs(), this.measurement.cpuMs(), this.measurement.peakRssKb(),
				this.measurement.exitCode(), this.load1, counts(),
				(this.problem != null) ? ",\"problem\":" + jsonString(this.problem) : "");
	}

	/** A JSON string literal: quotes, backslashes and control characters escaped. */
	private static String jsonString(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
