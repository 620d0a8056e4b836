package dev.migrate.revision;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import dev.migrate.graph.RevisionGraph;

/**
 * Measures loading and validating 2,000 SQL revisions from a jar: listing the jar, reading,
 * parsing and splitting every file, the non-transactional check, checksums, and building the
 * {@link RevisionGraph}. Prints wall-clock times and, because a shared machine inflates those,
 * the thread's CPU time too.
 *
 * <p>
 * Run with {@code mvn -q -o -pl migrate-core test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.migrate.revision.RevisionLoadingBenchmark}
 * (arguments: number of revisions, warm-up runs, measured runs).
 */
public final class RevisionLoadingBenchmark {

	/** Entries that are not revisions, as an application jar has them. */
	private static final int OTHER_ENTRIES = 3000;

	private RevisionLoadingBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		int warmUps = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 50;
		Path directory = Files.createTempDirectory("revision-loading-benchmark");
		Path jar = TestJars.write(directory.resolve("app.jar"), jarContent(count));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<String> locations = List.of("classpath:db/revisions");
			for (int i = 0; i < warmUps; i++) {
				RevisionGraph.of(RevisionLoader.load(locations, classLoader, List.of()));
			}
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			double[] loadMillis = new double[runs];
			double[] totalMillis = new double[runs];
			double[] cpuMillis = new double[runs];
			int revisions = 0;
			for (int i = 0; i < runs; i++) {
				long cpuStart = threads.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				List<Revision> loaded = RevisionLoader.load(locations, classLoader, List.of());
				long loadedAt = System.nanoTime();
				RevisionGraph graph = RevisionGraph.of(loaded);
				long end = System.nanoTime();
				cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
				loadMillis[i] = (loadedAt - start) / 1e6;
				totalMillis[i] = (end - start) / 1e6;
				revisions = graph.size();
			}
			System.out.printf(Locale.ROOT, "%d revisions, jar of %d KB with %d other entries, %d warm-up and %d measured runs%n",
					revisions, Files.size(jar) / 1024, OTHER_ENTRIES, warmUps, runs);
			print("load (list + read + parse + split + checksum)", loadMillis);
			print("load + RevisionGraph.of", totalMillis);
			print("load + RevisionGraph.of, CPU time of the thread", cpuMillis);
		}
		finally {
			Files.deleteIfExists(jar);
			Files.deleteIfExists(directory);
		}
	}

	private static void print(String what, double[] millis) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-48s median %6.1f ms   p90 %6.1f ms   max %6.1f ms%n", what,
				sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.9) - 1], sorted[sorted.length - 1]);
	}

	/**
	 * Revisions that look like a long-lived service's: mostly a chain, with a branch and a merge
	 * every 100 revisions, tables, indexes, data fixes, functions with dollar bodies and a
	 * non-transactional index build now and then.
	 */
	private static Map<String, String> jarContent(int count) {
		Random random = new Random(42);
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < OTHER_ENTRIES; i++) {
			files.put("com/example/app/feature" + (i % 40) + "/Class" + i + ".class", "not a revision");
		}
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(String.format(Locale.ROOT, "%012x", random.nextLong() & 0xffffffffffffL));
		}
		for (int i = 0; i < count; i++) {
			String id = ids.get(i);
			String down;
			if (i == 0) {
				down = "";
			}
			else if (i % 100 == 2) {
				// Second child of revision i - 2: a branch, merged by revision i + 1.
				down = ids.get(i - 2);
			}
			else if (i % 100 == 3) {
				down = ids.get(i - 2) + ", " + ids.get(i - 1);
			}
			else {
				down = ids.get(i - 1);
			}
			String year = "20" + (20 + i / 400);
			files.put("db/revisions/" + year + "/" + id + "_change_" + i + ".sql", revision(i, id, down, random));
		}
		return files;
	}

	private static String revision(int i, String id, String down, Random random) {
		boolean concurrent = i % 50 == 7;
		StringBuilder sql = new StringBuilder(1024);
		sql.append("-- revision: ").append(id).append('\n');
		sql.append("-- down_revision: ").append(down).append('\n');
		sql.append("-- message: change number ").append(i).append(" of the schema\n");
		sql.append("-- create_date: 2026-01-").append(10 + i % 18).append(" 12:00:00\n");
		if (concurrent) {
			sql.append("-- transactional: false\n");
		}
		sql.append("\n-- upgrade\n");
		String table = "table_" + i;
		if (concurrent) {
			sql.append("DROP INDEX CONCURRENTLY IF EXISTS ").append(table).append("_name;\n");
			sql.append("CREATE INDEX CONCURRENTLY ").append(table).append("_name ON table_").append(i - 1)
				.append(" (name);\n\n-- downgrade\nDROP INDEX CONCURRENTLY IF EXISTS ").append(table).append("_name;\n");
			return sql.toString();
		}
		sql.append("-- ").append(table).append(" holds the data of feature ").append(i % 40).append(".\n");
		sql.append("CREATE TABLE ").append(table).append(" (\n");
		sql.append("    id bigserial PRIMARY KEY,\n");
		sql.append("    name varchar(200) NOT NULL,\n");
		sql.append("    status text NOT NULL DEFAULT 'new',\n");
		sql.append("    amount numeric(12, 2),\n");
		sql.append("    created_at timestamptz NOT NULL DEFAULT now()\n");
		sql.append(");\n");
		sql.append("CREATE INDEX ").append(table).append("_status ON ").append(table).append(" (status);\n");
		sql.append("INSERT INTO ").append(table).append(" (name, status) VALUES ('it''s; fine', E'line\\n')")
			.append(", ('").append(Long.toHexString(random.nextLong())).append("', 'done');\n");
		sql.append("/* backfill /* nested */ comment */\n");
		sql.append("UPDATE ").append(table).append(" SET amount = 0 WHERE amount IS NULL;\n");
		if (i % 10 == 0) {
			sql.append("CREATE FUNCTION ").append(table).append("_touch() RETURNS trigger AS $body$\n");
			sql.append("BEGIN\n    NEW.created_at := now(); -- keep; semicolons\n    RETURN NEW;\nEND;\n");
			sql.append("$body$ LANGUAGE plpgsql;\n");
		}
		sql.append("\n-- downgrade\n");
		if (i % 10 == 0) {
			sql.append("DROP FUNCTION ").append(table).append("_touch();\n");
		}
		sql.append("DROP TABLE ").append(table).append(";\n");
		return sql.toString();
	}

}
