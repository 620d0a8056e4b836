package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown table of one scenario: per program the median and range of the wall time, the
 * median CPU time and peak RSS, the ratios of the wall time to the floor and to Flyway used the
 * same way, and the extra wall and CPU time over the floor as the median of the differences run
 * by run (runs of one repetition are neighbours in time, so their difference cancels most of
 * the machine's drift), with the 95 % interval of that median from 6 runs on.
 */
final class ScenarioTable {

	private final Scenario scenario;

	private final List<Result> results;

	private final List<String> unprepared;

	ScenarioTable(Scenario scenario, List<Result> results, List<String> unprepared) {
		this.scenario = scenario;
		this.results = results;
		this.unprepared = unprepared;
	}

	String markdown(String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("### ").append(this.scenario.title()).append("\n\n");
		out.append(String.format(Locale.ROOT, "%d runs per program, interleaved; load average (1, 5, 15 min) %s before, "
				+ "%s after. Extra time: the median of the run-by-run differences, and in parentheses the interval "
				+ "that holds the true median difference with 95 %% confidence (from 6 runs on).%n%n",
				this.scenario.repetitions(), loadBefore, loadAfter));
		String floorColumn = this.scenario.id().equals("boot") ? "app without tool" : "JDBC floor";
		out.append("| program | wall median | wall min-max | CPU median | peak RSS | wall ÷ ").append(floorColumn)
			.append(" | wall ÷ Flyway | extra wall vs ").append(floorColumn).append(" | extra CPU vs ")
			.append(floorColumn).append(" | failed |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String program : this.scenario.programs()) {
			List<Result> runs = counted(program);
			List<Double> walls = values(runs, (r) -> r.measurement().wallMs());
			List<Double> cpus = values(runs, (r) -> r.measurement().cpuMs());
			List<Double> rss = values(runs, (r) -> r.measurement().peakRssKb() / 1024.0);
			double wall = Statistics.median(walls);
			String floor = this.scenario.floorOf(program);
			String flyway = this.scenario.flywayOf(program);
			out.append("| ").append(program)
				.append(" | ").append(ms(wall))
				.append(" | ").append(ms(Statistics.min(walls))).append("-").append(ms(Statistics.max(walls)))
				.append(" | ").append(ms(Statistics.median(cpus)))
				.append(" | ").append(format("%.0f MB", Statistics.median(rss)))
				.append(" | ").append(ratio(wall, floor))
				.append(" | ").append(ratio(wall, flyway))
				.append(" | ").append(pairedDifference(program, floor, (r) -> r.measurement().wallMs()))
				.append(" | ").append(pairedDifference(program, floor, (r) -> r.measurement().cpuMs()))
				.append(" | ").append(failed(program))
				.append(" |\n");
		}
		for (Result result : this.results) {
			if (!result.counts()) {
				out.append("\n").append(result.program()).append(", run ").append(result.repetition() + 1).append(": ")
					.append(firstLines(result.problem()));
			}
		}
		for (String problem : this.unprepared) {
			out.append("\n").append(problem.lines().findFirst().orElse(""));
		}
		return out.append("\n").toString();
	}

	/**
	 * What explains a problem in one line: the first database error or exception in the output,
	 * else its first line.
	 */
	private static String firstLines(String problem) {
		List<String> lines = problem.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		String explanation = lines.stream()
			.filter((line) -> line.contains("ERROR:"))
			.findFirst()
			.or(() -> lines.stream().filter((line) -> line.contains("Exception:")).reduce((first, last) -> last))
			.orElse((lines.size() > 1) ? lines.get(1) : "");
		return (lines.isEmpty() ? "" : lines.get(0) + " ") + explanation + "\n";
	}

	private List<Result> counted(String program) {
		return this.results.stream().filter((r) -> r.program().equals(program) && r.counts()).toList();
	}

	private String failed(String program) {
		long all = this.results.stream().filter((r) -> r.program().equals(program)).count();
		long failed = all - counted(program).size();
		return (failed == 0) ? "0" : failed + " of " + all;
	}

	private String ratio(double wall, String reference) {
		if (!this.scenario.programs().contains(reference)) {
			return "";
		}
		double referenceWall = Statistics.median(values(counted(reference), (r) -> r.measurement().wallMs()));
		return format("%.2f", wall / referenceWall);
	}

	private String pairedDifference(String program, String reference, ToDoubleFunction<Result> value) {
		if (!this.scenario.programs().contains(reference) || program.equals(reference)) {
			return "";
		}
		Map<Integer, Result> references = new HashMap<>();
		for (Result result : counted(reference)) {
			references.put(result.repetition(), result);
		}
		List<Double> differences = new ArrayList<>();
		for (Result result : counted(program)) {
			Result other = references.get(result.repetition());
			if (other != null) {
				differences.add(value.applyAsDouble(result) - value.applyAsDouble(other));
			}
		}
		double median = Statistics.median(differences);
		if (Double.isNaN(median)) {
			return "";
		}
		double[] interval = Statistics.medianInterval(differences);
		return format("%+.0f ms", median) + ((interval != null)
				? " (" + format("%+.0f", interval[0]) + " to " + format("%+.0f", interval[1]) + ")" : "");
	}

	private static List<Double> values(List<Result> runs, ToDoubleFunction<Result> value) {
		return runs.stream().map((r) -> value.applyAsDouble(r)).toList();
	}

	private static String ms(double value) {
		return Double.isNaN(value) ? "" : format("%,.0f ms", value);
	}

	private static String format(String format, double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
	}

}
