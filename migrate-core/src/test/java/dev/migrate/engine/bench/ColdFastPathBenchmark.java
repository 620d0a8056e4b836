package dev.migrate.engine.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionLoader;

/**
 * The nothing-pending check in a cold JVM, as an application's startup makes it: with 2,000
 * applied revisions, each measurement is a fresh JVM that opens a HikariCP pool, loads the
 * revisions (the starter does that on a background thread), creates the {@link Migrator}, and
 * then times its first {@code upgrade("heads")} (the fast path: state read without the lock,
 * checksums validated, nothing planned), its second one, and the classes the first one loaded.
 *
 * <pre>
 * mvn -B -q -pl migrate-core -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp migrate-core/target/test-classes:migrate-core/target/classes:$(cat migrate-core/target/cp.txt) \
 *     dev.migrate.engine.bench.ColdFastPathBenchmark
 * </pre>
 * System property {@code bench.jvms}: how many fresh JVMs (default 15).
 */
public final class ColdFastPathBenchmark {

	private static final int REVISIONS = 2000;

	private static final int JVMS = Integer.getInteger("bench.jvms", 15);

	private ColdFastPathBenchmark() {
	}

	/**
	 * Prepare the database, then run the fresh JVMs and print the medians; with arguments
	 * {@code child <dir> <url>}, be one of those JVMs.
	 * @param args nothing, or the child's arguments
	 * @throws Exception when the database cannot be reached
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 3 && args[0].equals("child")) {
			child(Path.of(args[1]), args[2]);
			return;
		}
		BenchDatabase.quietLogging();
		Path dir = BenchDatabase.writeChain(REVISIONS, "CREATE TABLE t_%1$d (id int)", "DROP TABLE t_%1$d");
		try (BenchDatabase db = new BenchDatabase("migrate_bench_cold")) {
			Migrator.create(db.dataSource(), MigrateSettings.builder().locations("filesystem:" + dir).build())
				.upgrade("heads");
			List<double[]> runs = new ArrayList<>();
			for (int i = 0; i < JVMS; i++) {
				double[] run = runChild(dir, db.dataSource().getJdbcUrl());
				System.out.printf("JVM %2d: load %.1f ms, create %.1f ms, first upgrade(\"heads\") %.1f ms "
						+ "(%.0f classes loaded), second %.1f ms%n", i + 1, run[0], run[1], run[2], run[4], run[3]);
				runs.add(run);
			}
			System.out.printf("medians over %d cold JVMs with %d applied revisions: load %.1f ms, create %.1f ms, "
					+ "first upgrade(\"heads\") %.1f ms (%.0f classes loaded), second %.1f ms%n", JVMS, REVISIONS,
					median(runs, 0), median(runs, 1), median(runs, 2), median(runs, 4), median(runs, 3));
		}
	}

	private static double[] runChild(Path dir, String url) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				ColdFastPathBenchmark.class.getName(), "child", dir.toString(), url);
		builder.redirectErrorStream(true);
		builder.environment().put("MIGRATE_TEST_JDBC_URL", url);
		Process process = builder.start();
		String result = null;
		List<String> output = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
				if (line.startsWith("RESULT ")) {
					result = line.substring(7);
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("child JVM failed:\n" + String.join("\n", output));
		}
		return Arrays.stream(result.split(" ")).mapToDouble(Double::parseDouble).toArray();
	}

	private static void child(Path dir, String url) throws Exception {
		BenchDatabase.quietLogging();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(System.getenv("MIGRATE_TEST_JDBC_USER"));
		config.setPassword(System.getenv("MIGRATE_TEST_JDBC_PASSWORD"));
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(2);
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			try (Connection connection = dataSource.getConnection()) {
				connection.isValid(1);
			}
			MigrateSettings settings = MigrateSettings.builder().locations("filesystem:" + dir).build();
			long start = System.nanoTime();
			List<Revision> revisions = RevisionLoader.load(settings.locations(), settings.classLoader(),
					settings.javaRevisions());
			long loaded = System.nanoTime();
			Migrator migrator = Migrator.create(dataSource, settings, MigrationListener.NONE, revisions);
			long created = System.nanoTime();
			long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
			check(migrator);
			long first = System.nanoTime();
			classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
			check(migrator);
			long second = System.nanoTime();
			System.out.printf("RESULT %.3f %.3f %.3f %.3f %d%n", (loaded - start) / 1e6, (created - loaded) / 1e6,
					(first - created) / 1e6, (second - first) / 1e6, classes);
		}
	}

	private static void check(Migrator migrator) {
		if (migrator.upgrade("heads").lockTaken()) {
			throw new IllegalStateException("took the lock");
		}
	}

	private static double median(List<double[]> runs, int index) {
		double[] values = runs.stream().mapToDouble((run) -> run[index]).sorted().toArray();
		return values[values.length / 2];
	}

}
