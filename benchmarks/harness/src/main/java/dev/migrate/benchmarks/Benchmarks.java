package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.benchmarks.Program.Work;

/**
 * Runs the benchmarks: migrate, Flyway and Liquibase as Spring Boot apps, as Java APIs and (for
 * migrate) as the command line, next to the plain JDBC and psql floors, each run its own process
 * (a fresh JVM), the programs taking turns run by run. Writes a Markdown report and one JSON line
 * per run under {@code benchmarks/target/results/}, and prints the report.
 *
 * <p>
 * Usage: {@code benchmarks/run.sh [--quick] [--scenarios apply,nothing-pending,boot,race]
 * [--repetitions N] [--sizes N,...] [--skip program,...] [--without-index]}.
 */
public final class Benchmarks {

	private final Server server;

	private final Programs programs;

	private final ProcessTimer timer;

	private final Path work;

	private final Path jsonLines;

	private final boolean withIndex;

	private int databaseCounter;

	private Benchmarks(Server server, Programs programs, Path work, Path jsonLines, boolean withIndex) {
		this.withIndex = withIndex;
		this.server = server;
		this.programs = programs;
		this.timer = new ProcessTimer(work);
		this.work = work;
		this.jsonLines = jsonLines;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		ProcessTimer.requireTime();
		Path root = Path.of(System.getProperty("benchmarks.project", ".")).toAbsolutePath().normalize();
		Path results = root.resolve("benchmarks/target/results");
		Path work = root.resolve("benchmarks/target/work");
		Files.createDirectories(results);
		Files.createDirectories(work);
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path markdown = results.resolve("benchmarks-" + stamp + ".md");
		Path jsonLines = results.resolve("benchmarks-" + stamp + ".jsonl");
		Server server = Server.fromEnvironment();
		Benchmarks benchmarks = new Benchmarks(server, new Programs(root), work, jsonLines,
				options.withIndex());
		StringBuilder report = new StringBuilder(Machine.describe(server, options));
		write(markdown, report.toString());
		for (Scenario scenario : options.scenarios()) {
			String table = benchmarks.run(scenario);
			System.out.println(table);
			report.append(table);
			write(markdown, report.toString());
		}
		report.append(benchmarks.programNotes(options.scenarios()));
		write(markdown, report.toString());
		System.out.println("Report: " + markdown + "\nRuns: " + jsonLines);
	}

	private String run(Scenario scenario) throws IOException, InterruptedException, SQLException {
		System.err.println("== " + scenario.title());
		String loadBefore = Machine.loadAverage();
		RevisionSet revisions = RevisionSet.generate(scenario.size(), this.work,
				this.withIndex ? this.programs::writeIndex : null);
		List<Program> programs = new ArrayList<>(scenario.programs().stream().map(this.programs::get).toList());
		List<String> unprepared = new ArrayList<>();
		if (!scenario.freshDatabase()) {
			for (Program program : List.copyOf(programs)) {
				String problem = prepare(scenario, program, revisions);
				if (problem != null) {
					System.err.println("  " + program.name() + ": preparing its database failed: " + problem);
					unprepared.add(program.name() + ": preparing its database failed: " + problem);
					programs.remove(program);
				}
			}
		}
		for (Program program : programs) {
			measure(scenario, program, revisions, -1);
		}
		List<Result> results = new ArrayList<>();
		for (int repetition = 0; repetition < scenario.repetitions(); repetition++) {
			List<Program> order = new ArrayList<>(programs);
			Collections.rotate(order, -repetition);
			for (Program program : order) {
				Result result = measure(scenario, program, revisions, repetition);
				results.add(result);
				Files.writeString(this.jsonLines, result.json() + "\n", StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
		}
		if (!scenario.freshDatabase()) {
			for (Program program : programs) {
				this.server.drop(sharedDatabase(scenario, program));
			}
		}
		return new ScenarioTable(scenario, results, unprepared).markdown(loadBefore, Machine.loadAverage());
	}

	/**
	 * Bring the database a nothing-pending scenario uses for a program up to date, with that program.
	 * @return why that failed, or {@code null}
	 */
	private String prepare(Scenario scenario, Program program, RevisionSet revisions)
			throws IOException, InterruptedException, SQLException {
		String database = sharedDatabase(scenario, program);
		this.server.create(database);
		Measurement measurement = this.timer.run(program.command(revisions, Work.APPLY),
				this.server.environment(database));
		return problem(measurement, program, database, revisions.size(), Work.APPLY);
	}

	/** One run (repetition -1: a warm-up that is not recorded). */
	private Result measure(Scenario scenario, Program program, RevisionSet revisions, int repetition)
			throws IOException, InterruptedException, SQLException {
		String database = scenario.freshDatabase() ? "bench_run_" + (++this.databaseCounter)
				: sharedDatabase(scenario, program);
		if (scenario.freshDatabase()) {
			this.server.create(database);
		}
		Map<String, String> environment = new HashMap<>(this.server.environment(database));
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		List<String> command = program.command(revisions, scenario.work());
		Measurement measurement = (scenario.racers() > 1)
				? this.timer.race(Collections.nCopies(scenario.racers(), command), environment)
				: this.timer.run(command, environment);
		String problem = problem(measurement, program, database, revisions.size(), scenario.work());
		if (scenario.freshDatabase()) {
			this.server.drop(database);
		}
		System.err.printf("  %-22s %s %8.0f ms wall %8.0f ms CPU %s%n", program.name(),
				(repetition < 0) ? "warm-up" : "run " + (repetition + 1), measurement.wallMs(), measurement.cpuMs(),
				(problem != null) ? "PROBLEM: " + problem : "");
		return new Result(scenario, program.name(), repetition, measurement, Machine.load1(), problem);
	}

	/** Why a run does not count, or {@code null}: it failed, or did not apply each revision exactly once. */
	private String problem(Measurement measurement, Program program, String database, int size, Work work)
			throws SQLException {
		if (!measurement.succeeded()) {
			return "exit status " + measurement.exitCode() + ":\n" + measurement.output();
		}
		if (!program.migrates() && work != Work.APPLY) {
			return null;
		}
		if (!program.migrates() && program.name().startsWith("boot")) {
			return null;
		}
		long[] applied = this.server.applied(database);
		long expected = (size == 0) ? -1 : size;
		if (applied[0] != expected || applied[1] != expected) {
			return "expected each of the " + size + " revisions applied once, found " + applied[0] + " rows for "
					+ applied[1] + " distinct revisions in bench_applied";
		}
		return null;
	}

	private static String sharedDatabase(Scenario scenario, Program program) {
		return ("bench_" + scenario.id() + "_" + scenario.size() + "_" + program.name()).replace('-', '_');
	}

	private String programNotes(List<Scenario> scenarios) {
		StringBuilder notes = new StringBuilder("### Programs\n\n");
		scenarios.stream()
			.flatMap((scenario) -> scenario.programs().stream())
			.distinct()
			.forEach((name) -> notes.append("- `").append(name).append("`: ")
				.append(this.programs.get(name).description())
				.append("\n"));
		return notes.append("\n").toString();
	}

	private static void write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
