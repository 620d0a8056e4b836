package dev.migrate.engine.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;
import dev.migrate.schema.CatalogReader;
import dev.migrate.schema.RevisionScripts;
import dev.migrate.schema.SchemaCatalog;
import dev.migrate.schema.SchemaChange;
import dev.migrate.schema.SchemaDiff;
import dev.migrate.shadow.Autogenerate;
import dev.migrate.shadow.SchemaScript;
import dev.migrate.shadow.ShadowDatabase;

/**
 * The autogenerate engine on two 500-table schemas, shadow database work included. Each round
 * applies the current schema's SQL into a new database standing for the live one (followed by a
 * {@code CHECKPOINT}, as a database that exists is on disk already; otherwise the checkpoint that
 * {@code DROP DATABASE} forces would sync its 3,000 new files within the shadow's drop), then
 * does what {@code revision --autogenerate} does: creates a temporary shadow database
 * ({@link ShadowDatabase#temporary}), applies the desired schema's SQL into it
 * ({@link SchemaScript#applyTo}), reads both catalogs, diffs them, renders the revision text and
 * drops the shadow. The desired schema differs from the current one in every tenth table (a
 * column added, a column widened, an index added, a table dropped and one added). Goal: under 2 s
 * for all of it.
 *
 * <pre>
 * mvn -B -q -pl migrate-core -am test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp migrate-core/target/test-classes:migrate-core/target/classes:$(cat migrate-core/target/cp.txt) \
 *     dev.migrate.engine.bench.SchemaDiffBenchmark
 * </pre>
 * {@code -Dbench.tables=N} (default 500), {@code -Dbench.rounds=N} (default 4, the first warms
 * the JVM up and is not counted). With {@code -Dbench.path=autogenerate}, the command's part is
 * {@code Autogenerate.changes} itself (the live catalog read while the shadow is built, as the
 * command does) and rendering, instead of the phases one after the other.
 */
public final class SchemaDiffBenchmark {

	private static final String[] PHASES = { "apply the current schema (new database, CHECKPOINT)",
			"create the shadow database", "apply the desired schema", "read both catalogs", "diff and render",
			"drop the shadow database", "the command (all but the first)", "total" };

	/** The phases with {@code -Dbench.path=autogenerate}: the shadow built while the live catalog is read. */
	private static final String[] AUTOGENERATE_PHASES = { "apply the current schema (new database, CHECKPOINT)",
			"create the shadow database", "Autogenerate.changes (apply, read both, diff)", "-", "render",
			"drop the shadow database", "the command (all but the first)", "total" };

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
		int rounds = Integer.getInteger("bench.rounds", 4);
		boolean autogenerate = "autogenerate".equals(System.getProperty("bench.path"));
		String[] phases = autogenerate ? AUTOGENERATE_PHASES : PHASES;
		SchemaScript current = SchemaScript.of("current.sql", schema(tables, false));
		SchemaScript desired = SchemaScript.of("desired.sql", schema(tables, true));
		DataSource server = dataSource(null);
		long[][] times = new long[PHASES.length][rounds];
		int steps = 0;
		for (int round = 0; round < rounds; round++) {
			long[] t = new long[PHASES.length];
			long start = System.nanoTime();
			try (ShadowDatabase live = ShadowDatabase.temporary(server, SchemaDiffBenchmark::dataSource,
					Vocabulary.java())) {
				current.applyTo(live.dataSource());
				try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
					statement.execute("CHECKPOINT");
				}
				long mark = lap(t, 0, start);
				ShadowDatabase shadow = ShadowDatabase.temporary(server, SchemaDiffBenchmark::dataSource,
						Vocabulary.java());
				try {
					mark = lap(t, 1, mark);
					if (autogenerate) {
						List<SchemaChange> diff = Autogenerate.changes(live.dataSource(), shadow, List.of(desired),
								MigrateSettings.builder().locations("filesystem:unused").build());
						mark = lap(t, 2, mark);
						RevisionScripts scripts = RevisionScripts.render(diff);
						mark = lap(t, 4, mark);
						if (scripts.isEmpty()) {
							throw new IllegalStateException("unexpected diff: " + diff.size() + " steps");
						}
						steps = diff.size();
						shadow.close();
						lap(t, 5, mark);
					}
					else {
						desired.applyTo(shadow.dataSource());
						mark = lap(t, 2, mark);
						SchemaCatalog currentCatalog;
						SchemaCatalog desiredCatalog;
						try (Connection ca = live.dataSource().getConnection();
								Connection cb = shadow.dataSource().getConnection()) {
							currentCatalog = CatalogReader.read(ca, List.of("public"), Set.of());
							desiredCatalog = CatalogReader.read(cb, List.of("public"), Set.of());
						}
						mark = lap(t, 3, mark);
						List<SchemaChange> diff = SchemaDiff.between(currentCatalog, desiredCatalog);
						RevisionScripts scripts = RevisionScripts.render(diff);
						mark = lap(t, 4, mark);
						if (scripts.isEmpty() || currentCatalog.tables().size() != tables) {
							throw new IllegalStateException("unexpected diff: " + diff.size() + " steps, "
									+ currentCatalog.tables().size() + " tables");
						}
						steps = diff.size();
						shadow.close();
						lap(t, 5, mark);
					}
				}
				finally {
					shadow.close();
				}
			}
			for (int phase = 1; phase <= 5; phase++) {
				t[6] += t[phase];
			}
			t[7] = t[0] + t[6];
			StringBuilder line = new StringBuilder("round " + round + ":");
			for (int phase = 0; phase < phases.length; phase++) {
				times[phase][round] = t[phase];
				if (!phases[phase].equals("-")) {
					line.append(String.format(" %s %.0f ms%s", phases[phase], t[phase] / 1e6,
							(phase < phases.length - 1) ? "," : ""));
				}
			}
			System.out.println(line + ((round == 0) ? " (warm-up)" : ""));
		}
		System.out.printf("%d tables, %d steps; median of %d rounds (min-max):%n", tables, steps, rounds - 1);
		for (int phase = 0; phase < phases.length; phase++) {
			if (phases[phase].equals("-")) {
				continue;
			}
			long[] measured = Arrays.copyOfRange(times[phase], 1, rounds);
			Arrays.sort(measured);
			System.out.printf("  %-52s %6.0f ms (%.0f-%.0f)%s%n", phases[phase], measured[measured.length / 2] / 1e6,
					measured[0] / 1e6, measured[measured.length - 1] / 1e6,
					(phase >= phases.length - 2) ? " (goal < 2000 ms)" : "");
		}
	}

	private static long lap(long[] times, int phase, long since) {
		long now = System.nanoTime();
		times[phase] = now - since;
		return now;
	}

	/** A data source for a database of the server of {@code MIGRATE_TEST_JDBC_URL}, or for that database. */
	private static DataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(BenchDatabase.setting("MIGRATE_TEST_JDBC_URL", "jdbc:postgresql://localhost/postgres"));
		dataSource.setUser(BenchDatabase.setting("MIGRATE_TEST_JDBC_USER", "postgres"));
		dataSource.setPassword(BenchDatabase.setting("MIGRATE_TEST_JDBC_PASSWORD", ""));
		if (database != null) {
			dataSource.setDatabaseName(database);
		}
		return dataSource;
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
