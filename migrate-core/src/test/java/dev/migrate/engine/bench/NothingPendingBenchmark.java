package dev.migrate.engine.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

import dev.migrate.MigrateSettings;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;

/**
 * The check every instance makes at startup when nothing is pending: with 2,000 applied
 * revisions (each with its history row), {@code upgrade("heads")} takes the fast path (read the
 * version table and the recorded checksums without the lock, validate, plan nothing), and
 * {@code status("heads")} and {@code check("heads")} read the same state. Measured in a warm
 * JVM through a HikariCP pool. Goal: under 20 ms.
 *
 * <pre>
 * mvn -B -q -pl migrate-core -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp migrate-core/target/test-classes:migrate-core/target/classes:$(cat migrate-core/target/cp.txt) \
 *     dev.migrate.engine.bench.NothingPendingBenchmark
 * </pre>
 */
public final class NothingPendingBenchmark {

	private static final int REVISIONS = 2000;

	private static final int WARM_UP = 300;

	private static final int MEASURED = 500;

	private NothingPendingBenchmark() {
	}

	/**
	 * Run the benchmark and print the timings of each call.
	 * @param args ignored
	 * @throws Exception when the database cannot be reached
	 */
	public static void main(String[] args) throws Exception {
		BenchDatabase.quietLogging();
		Path dir = BenchDatabase.writeChain(REVISIONS, "CREATE TABLE t_%1$d (id int)", "DROP TABLE t_%1$d");
		try (BenchDatabase db = new BenchDatabase("migrate_bench_pending")) {
			long start = System.nanoTime();
			Migrator migrator = Migrator.create(db.dataSource(),
					MigrateSettings.builder().locations("filesystem:" + dir).build());
			System.out.printf("loaded %d revisions in %.0f ms%n", REVISIONS, (System.nanoTime() - start) / 1e6);
			start = System.nanoTime();
			int applied = migrator.upgrade("heads").completed().size();
			System.out.printf("applied %d revisions in %.0f ms%n", applied, (System.nanoTime() - start) / 1e6);
			measure("upgrade(\"heads\"), fast path", () -> {
				if (migrator.upgrade("heads").lockTaken()) {
					throw new IllegalStateException("took the lock");
				}
				return null;
			});
			measure("check(\"heads\")", () -> {
				migrator.check("heads");
				return null;
			});
			measure("status(\"heads\")", () -> {
				MigrationStatus status = migrator.status("heads");
				if (status.state() != MigrationStatus.State.UP_TO_DATE || status.applied().size() != REVISIONS) {
					throw new IllegalStateException(status.state() + " " + status.applied().size());
				}
				return null;
			});
		}
	}

	private static void measure(String what, Supplier<Object> action) {
		for (int i = 0; i < WARM_UP; i++) {
			action.get();
		}
		long[] nanos = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long start = System.nanoTime();
			action.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
		System.out.printf("%-30s with %d applied revisions: mean %.2f ms, median %.2f ms, p90 %.2f ms, p99 %.2f ms "
				+ "(%d runs after %d warm-up; goal < 20 ms)%n", what, REVISIONS, mean, nanos[MEASURED / 2] / 1e6,
				nanos[MEASURED * 9 / 10] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, MEASURED, WARM_UP);
	}

}
