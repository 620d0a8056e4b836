package dev.migrate.autoconfigure.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;

/**
 * Measures what the starter adds to a service's startup when the database is already at the
 * target (the common case of every restart): {@code revisions} revisions are generated and
 * applied once, then {@link BenchmarkApplication} is booted {@code runs} times in fresh JVMs
 * with the starter, with the starter in {@code migrate.mode=off} (auto-configuration and
 * revision loading only) and without the migrate auto-configurations, in turn; the medians of
 * {@code SpringApplication.run} are printed. Not a test: run it by hand (see
 * {@code docs/benchmarks.md}).
 *
 * <p>
 * Arguments: {@code [revisions=2000] [runs=15]}. Needs {@code MIGRATE_TEST_JDBC_URL},
 * {@code MIGRATE_TEST_JDBC_USER} and {@code MIGRATE_TEST_JDBC_PASSWORD}; creates and drops its
 * own database.
 */
public final class StartupBenchmark {

	private static final String EXCLUDE_MIGRATE = "--spring.autoconfigure.exclude="
			+ "dev.migrate.autoconfigure.MigrateAutoConfiguration,dev.migrate.autoconfigure.MigrateTrafficGateAutoConfiguration,"
			+ "dev.migrate.autoconfigure.MigrateEndpointAutoConfiguration,"
			+ "dev.migrate.autoconfigure.MigrateHealthContributorAutoConfiguration,"
			+ "dev.migrate.autoconfigure.MigrateMetricsAutoConfiguration";

	private static final String MODE_OFF = "--migrate.mode=off";

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int revisions = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		String serverUrl = require("MIGRATE_TEST_JDBC_URL");
		String user = require("MIGRATE_TEST_JDBC_USER");
		String password = require("MIGRATE_TEST_JDBC_PASSWORD");
		String database = "migrate_startup_benchmark";
		String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
		try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
		try {
			Path directory = Files.createTempDirectory("migrate-benchmark-revisions");
			generate(directory, revisions);
			String location = "filesystem:" + directory;
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(url);
			dataSource.setUser(user);
			dataSource.setPassword(password);
			long applyStart = System.nanoTime();
			Migrator.create(dataSource, MigrateSettings.builder().locations(location).build()).upgrade("heads");
			System.out.printf(Locale.ROOT, "applied %d revisions in %.0f ms%n", revisions,
					(System.nanoTime() - applyStart) / 1e6);
			List<String> common = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--spring.main.banner-mode=off",
					"--spring.main.web-application-type=none", "--logging.level.root=warn",
					"--migrate.locations=" + location);
			List<Boot> with = new ArrayList<>();
			List<Boot> loadOnly = new ArrayList<>();
			List<Boot> without = new ArrayList<>();
			boot(common, null);
			boot(common, EXCLUDE_MIGRATE);
			for (int i = 0; i < runs; i++) {
				with.add(boot(common, null));
				loadOnly.add(boot(common, MODE_OFF));
				without.add(boot(common, EXCLUDE_MIGRATE));
			}
			double medianWithout = median(without.stream().map(Boot::runMs).toList());
			System.out.printf(Locale.ROOT, "revisions=%d runs=%d%n", revisions, runs);
			report("with starter (upgrade, fast path)", with, medianWithout);
			report("with starter, migrate.mode=off", loadOnly, medianWithout);
			report("without starter", without, medianWithout);
		}
		finally {
			try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
					Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static void report(String variant, List<Boot> boots, double baseline) {
		List<Double> times = boots.stream().map(Boot::runMs).toList();
		List<Double> starter = boots.stream().map(Boot::starterMs).toList();
		double median = median(times);
		System.out.printf(Locale.ROOT, "%-36s run median %6.0f ms (%+5.0f ms vs without)  starter main thread median %4.0f ms%n",
				variant + ":", median, median - baseline, median(starter));
		System.out.printf(Locale.ROOT, "%-36s   runs %s%n%-36s   starter %s%n", "", rounded(times), "", rounded(starter));
	}

	private static void generate(Path directory, int count) throws IOException {
		String previous = "";
		for (int i = 1; i <= count; i++) {
			String id = String.format(Locale.ROOT, "bench%06d", i);
			String text = "-- revision: " + id + "\n-- down_revision: " + previous + "\n-- message: benchmark table "
					+ i + "\n-- create_date: 2026-11-21 10:00:00\n\n-- upgrade\nCREATE TABLE bench_" + i
					+ " (id bigint PRIMARY KEY, name text NOT NULL);\nCOMMENT ON TABLE bench_" + i
					+ " IS 'benchmark revision " + i + "';\n\n-- downgrade\nDROP TABLE bench_" + i + ";\n";
			Files.writeString(directory.resolve(id + "_benchmark_table_" + i + ".sql"), text, StandardCharsets.UTF_8);
			previous = id;
		}
	}

	/** Wall time of {@code SpringApplication.run} and the starter's main-thread time, in ms. */
	private record Boot(double runMs, double starterMs) {
	}

	private static Boot boot(List<String> common, String extra) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), BenchmarkApplication.class.getName()));
		command.addAll(common);
		if (extra != null) {
			command.add(extra);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("Benchmark boot failed:\n" + output);
		}
		return new Boot(value(output, "BENCHMARK_RUN_MS="), value(output, "BENCHMARK_STARTER_MS="));
	}

	private static double value(String output, String prefix) {
		return Arrays.stream(output.split("\\R"))
			.filter((line) -> line.startsWith(prefix))
			.mapToDouble((line) -> Double.parseDouble(line.substring(prefix.length())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + prefix + " in output:\n" + output));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static List<Long> rounded(List<Double> values) {
		return values.stream().map(Math::round).toList();
	}

	private static String require(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set; see docs/benchmarks.md");
		}
		return value;
	}

}
