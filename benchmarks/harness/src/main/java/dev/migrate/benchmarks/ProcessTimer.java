package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts programs as processes under GNU {@code time} ({@code /usr/bin/time}), which reports
 * their CPU time and peak resident set size; the wall time is measured here, from just before
 * the launch to the exit.
 */
final class ProcessTimer {

	private static final String TIME = "/usr/bin/time";

	private static final long TIMEOUT_MINUTES = 30;

	private final Path scratch;

	ProcessTimer(Path scratch) {
		this.scratch = scratch;
	}

	static void requireTime() {
		if (!Files.isExecutable(Path.of(TIME))) {
			throw new IllegalStateException(TIME + " is missing: install GNU time (Debian/Ubuntu: apt-get install time)");
		}
	}

	/** Run one process to its end. */
	Measurement run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		return race(List.of(command), environment);
	}

	/**
	 * Start several processes at once and wait for all: the wall time is until the last one
	 * exits, the CPU time is their sum, the peak RSS is the largest.
	 */
	Measurement race(List<List<String>> commands, Map<String, String> environment)
			throws IOException, InterruptedException {
		List<Process> processes = new ArrayList<>();
		List<Path> timeFiles = new ArrayList<>();
		List<Path> outputFiles = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			timeFiles.add(this.scratch.resolve("time-" + i + ".txt"));
			outputFiles.add(this.scratch.resolve("output-" + i + ".txt"));
		}
		long start = System.nanoTime();
		for (int i = 0; i < commands.size(); i++) {
			List<String> timed = new ArrayList<>(List.of(TIME, "-f", "%e %U %S %M", "-o", timeFiles.get(i).toString()));
			timed.addAll(commands.get(i));
			ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true)
				.redirectOutput(outputFiles.get(i).toFile());
			builder.environment().putAll(environment);
			processes.add(builder.start());
		}
		int exitCode = 0;
		String output = "";
		for (int i = 0; i < processes.size(); i++) {
			Process process = processes.get(i);
			if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Gave up after " + TIMEOUT_MINUTES + " minutes: " + commands.get(i));
			}
			if (process.exitValue() != 0 && exitCode == 0) {
				exitCode = process.exitValue();
				output = tail(outputFiles.get(i));
			}
		}
		double wallMs = (System.nanoTime() - start) / 1e6;
		double cpuMs = 0;
		long peakRssKb = 0;
		for (Path timeFile : timeFiles) {
			String[] fields = lastLine(timeFile).trim().split(" ");
			cpuMs += (Double.parseDouble(fields[1]) + Double.parseDouble(fields[2])) * 1000;
			peakRssKb = Math.max(peakRssKb, Long.parseLong(fields[3]));
		}
		return new Measurement(wallMs, cpuMs, peakRssKb, exitCode, output);
	}

	/** The line GNU time writes last (it writes "Command exited with non-zero status" above it). */
	private static String lastLine(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		return lines.get(lines.size() - 1);
	}

	/** The first and last lines of a run's output. */
	private static String tail(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		if (lines.size() <= 30) {
			return String.join("\n", lines);
		}
		return String.join("\n", lines.subList(0, 5)) + "\n...\n"
				+ String.join("\n", lines.subList(lines.size() - 25, lines.size()));
	}

}
