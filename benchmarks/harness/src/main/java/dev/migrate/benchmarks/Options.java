package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.migrate.benchmarks.Program.Work;

/**
 * The command line of {@link Benchmarks}: which scenarios, how many runs, which programs to
 * leave out.
 *
 * @param quick whether this is the quick smoke run (small N, two runs)
 * @param scenarios the scenarios to run, in order
 * @param withIndex whether migrate's revisions come with their revision index, as an application
 * built with the index step has them
 */
record Options(boolean quick, List<Scenario> scenarios, boolean withIndex) {

	private static final List<String> APPLY_PROGRAMS = List.of("psql", "jdbc", "migrate-cli", "migrate-api",
			"flyway-api", "liquibase-api", "migrate-boot", "flyway-boot", "liquibase-boot");

	private static final List<String> NOTHING_PENDING_PROGRAMS = List.of("psql", "jdbc", "migrate-cli", "migrate-api",
			"flyway-api", "liquibase-api");

	private static final List<String> BOOT_PROGRAMS = List.of("boot", "boot-starter-floor", "migrate-boot",
			"boot-actuator", "migrate-boot-actuator", "flyway-boot", "liquibase-boot");

	private static final List<String> RACE_PROGRAMS = List.of("migrate-cli", "migrate-api", "migrate-boot",
			"flyway-api", "flyway-boot", "liquibase-api", "liquibase-boot");

	private static final String USAGE = "Usage: benchmarks/run.sh [--quick] [--scenarios apply,nothing-pending,boot,race] "
			+ "[--repetitions N] [--sizes N,...] [--skip program,...] [--without-index]";

	static Options parse(String[] args) {
		boolean quick = false;
		Set<String> selected = Set.of("apply", "nothing-pending", "boot", "race");
		Integer repetitions = null;
		Set<String> skipped = Set.of();
		boolean withIndex = true;
		int[] sizes = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> quick = true;
				case "--scenarios" -> selected = Set.of(value(args, ++i).split(","));
				case "--repetitions" -> repetitions = Integer.parseInt(value(args, ++i));
				case "--skip" -> skipped = Set.of(value(args, ++i).split(","));
				case "--without-index" -> withIndex = false;
				case "--sizes" -> sizes = Arrays.stream(value(args, ++i).split(",")).mapToInt(Integer::parseInt)
					.toArray();
				default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. " + USAGE);
			}
		}
		List<Scenario> scenarios = new ArrayList<>();
		int[] applySizes = (sizes != null) ? sizes : quick ? new int[] { 20 } : new int[] { 100, 500, 2000 };
		int[] pendingSizes = (sizes != null) ? sizes : quick ? new int[] { 50, 0 } : new int[] { 2000, 0 };
		for (int size : applySizes) {
			add(scenarios, selected, skipped, new Scenario("apply", "Cold apply, N=" + size + " (empty database)",
					Work.APPLY, size, APPLY_PROGRAMS, reps(repetitions, quick ? 2 : (size >= 2000) ? 3 : 5), 1));
		}
		for (int size : pendingSizes) {
			add(scenarios, selected, skipped, new Scenario("nothing-pending",
					"Nothing pending, N=" + size + " applied (fresh JVM each run)", Work.NOTHING_PENDING, size,
					NOTHING_PENDING_PROGRAMS, reps(repetitions, quick ? 2 : 9), 1));
		}
		for (int size : pendingSizes) {
			add(scenarios, selected, skipped, new Scenario("boot",
					"Spring Boot start, nothing pending, N=" + size + " applied (launch to exit)", Work.NOTHING_PENDING,
					size, BOOT_PROGRAMS, reps(repetitions, quick ? 2 : 9), 1));
		}
		int raceSize = (sizes != null) ? sizes[0] : quick ? 20 : 500;
		add(scenarios, selected, skipped, new Scenario("race",
				"4 processes racing on an empty database, N=" + raceSize
						+ " (wall until the last exits, CPU summed over the 4, RSS of the largest)", Work.APPLY,
				raceSize, RACE_PROGRAMS, reps(repetitions, quick ? 1 : 3), 4));
		return new Options(quick, scenarios, withIndex);
	}

	private static void add(List<Scenario> scenarios, Set<String> selected, Set<String> skipped, Scenario scenario) {
		if (selected.contains(scenario.id())) {
			List<String> programs = scenario.programs().stream().filter((p) -> !skipped.contains(p)).toList();
			scenarios.add(new Scenario(scenario.id(), scenario.title(), scenario.work(), scenario.size(), programs,
					scenario.repetitions(), scenario.racers()));
		}
	}

	private static int reps(Integer repetitions, int defaultValue) {
		return (repetitions != null) ? repetitions : defaultValue;
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException("Option '" + args[index - 1] + "' needs a value. " + USAGE);
		}
		return args[index];
	}

}
