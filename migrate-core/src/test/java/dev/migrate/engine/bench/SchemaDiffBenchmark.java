package dev.migrate.engine.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.migrate.schema.CatalogReader;
import dev.migrate.schema.RevisionScripts;
import dev.migrate.schema.SchemaCatalog;
import dev.migrate.schema.SchemaChange;
import dev.migrate.schema.SchemaDiff;

/**
 * The autogenerate engine on two 500-table schemas: read both catalogs, diff them, render the
 * revision text. The desired schema differs from the current one in every tenth table (a column
 * added, a column widened, an index added, a table dropped and one added). Also measures applying
 * the desired schema's SQL into an empty database, as the shadow database does. Goal: under 2 s
 * for reads plus diff.
 *
 * <pre>
 * mvn -B -q -o -pl migrate-core -am test-compile
 * mvn -B -q -o -pl migrate-core exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.migrate.engine.bench.SchemaDiffBenchmark
 * </pre>
 * {@code -Dbench.tables=N} (default 500), {@code -Dbench.rounds=N} (default 7, the first two warm
 * the JVM up and are not counted).
 */
public final class SchemaDiffBenchmark {

	private SchemaDiffBenchmark() {
	}

	/**
	 * Run the benchmark and print the timings.
	 * @param args ignored
	 * @throws Exception when the database cannot be reached
	 */
	public static void main(String[] args) throws Exception {
		BenchDatabase.quietLogging();
		int tables = Integer.getInteger("bench.tables", 500);
		int rounds = Integer.getInteger("bench.rounds", 7);
		String current = schema(tables, false);
		String desired = schema(tables, true);
		try (BenchDatabase currentDb = new BenchDatabase("migrate_bench_diff_a");
				BenchDatabase desiredDb = new BenchDatabase("migrate_bench_diff_b")) {
			long start = System.nanoTime();
			execute(currentDb, current);
			double applyCurrent = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			execute(desiredDb, desired);
			double applyDesired = (System.nanoTime() - start) / 1e6;
			System.out.printf("applied the schemas' SQL (%d tables, as a shadow database does), in one transaction: "
					+ "%.0f ms and %.0f ms%n", tables, applyCurrent, applyDesired);
			long[] reads = new long[rounds];
			long[] diffs = new long[rounds];
			long[] totals = new long[rounds];
			int changes = 0;
			for (int round = 0; round < rounds; round++) {
				long t0 = System.nanoTime();
				SchemaCatalog a;
				SchemaCatalog b;
				try (Connection ca = currentDb.dataSource().getConnection();
						Connection cb = desiredDb.dataSource().getConnection()) {
					a = CatalogReader.read(ca, List.of(), Set.of());
					b = CatalogReader.read(cb, List.of(), Set.of());
				}
				long t1 = System.nanoTime();
				List<SchemaChange> diff = SchemaDiff.between(a, b);
				RevisionScripts scripts = RevisionScripts.render(diff);
				long t2 = System.nanoTime();
				if (scripts.isEmpty() || a.tables().size() != tables) {
					throw new IllegalStateException("unexpected diff: " + diff.size() + " steps, " + a.tables().size()
							+ " tables");
				}
				changes = diff.size();
				reads[round] = t1 - t0;
				diffs[round] = t2 - t1;
				totals[round] = t2 - t0;
				System.out.printf("round %d: read both catalogs %.0f ms, diff and render %.1f ms, total %.0f ms%s%n", round,
						(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, (round < 2) ? " (warm-up)" : "");
			}
			System.out.printf("%d tables, %d steps; median of %d rounds: read both catalogs %.0f ms, diff and render "
					+ "%.1f ms, total %.0f ms (goal < 2000 ms)%n", tables, changes, rounds - 2, median(reads) / 1e6,
					median(diffs) / 1e6, median(totals) / 1e6);
		}
	}

	private static double median(long[] values) {
		long[] measured = Arrays.copyOfRange(values, 2, values.length);
		Arrays.sort(measured);
		return measured[measured.length / 2];
	}

	private static void execute(BenchDatabase database, String sql) throws Exception {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute(sql);
			connection.commit();
		}
	}

	/** {@code tables} tables with a key, five columns, a foreign key, an index and a comment each. */
	static String schema(int tables, boolean desired) {
		StringBuilder sql = new StringBuilder("CREATE EXTENSION IF NOT EXISTS vector;\n");
		for (int i = 0; i < tables; i++) {
			boolean changed = desired && i % 10 == 5;
			if (desired && i % 50 == 7) {
				continue;
			}
			sql.append("CREATE TABLE item_").append(i).append(" (\n")
				.append("\tid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
				.append("\tname varchar(").append(changed ? 200 : 100).append(") NOT NULL,\n")
				.append("\tprice numeric(10,2) NOT NULL DEFAULT 0,\n")
				.append("\tcreated_at timestamptz NOT NULL DEFAULT now(),\n")
				.append("\tembedding vector(16),\n")
				.append("\tparent_id bigint").append((i > 0 && !(desired && (i - 1) % 50 == 7)) ? " REFERENCES item_" + (i - 1) + " (id) ON DELETE CASCADE" : "")
				.append(changed ? ",\n\tnote text" : "")
				.append("\n);\n");
			sql.append("CREATE INDEX item_").append(i).append("_name_idx ON item_").append(i).append(" (name);\n");
			if (changed) {
				sql.append("CREATE INDEX item_").append(i).append("_created_idx ON item_").append(i).append(" (created_at);\n");
			}
			sql.append("COMMENT ON TABLE item_").append(i).append(" IS 'item table ").append(i).append("';\n");
		}
		if (desired) {
			sql.append("CREATE TABLE extra (id int PRIMARY KEY);\n");
		}
		return sql.toString();
	}

}
