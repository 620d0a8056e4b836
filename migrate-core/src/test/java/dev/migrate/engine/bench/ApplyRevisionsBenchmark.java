package dev.migrate.engine.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Applying 1,000 small revisions (a {@code CREATE TABLE} and an {@code INSERT} each) with
 * {@link Migrator#upgrade(String)} against executing the same statements over plain JDBC with one
 * transaction per revision (on another pooled connection, into another schema). Goal: engine /
 * plain at most 1.15.
 *
 * <p>
 * The machine may be busy (its load can change several-fold within seconds), so the two sides
 * are interleaved revision by revision: a listener on the engine's run executes the plain JDBC
 * version of each revision right after the engine finished it, timing it. The engine's time is
 * the whole {@code upgrade("heads")} call (loading state, lock, tables, every step, unlock) minus
 * the time spent in that listener. Round 0 warms up the JIT; each round uses fresh schemas.
 *
 * <pre>
 * mvn -B -q -pl migrate-core -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp migrate-core/target/test-classes:migrate-core/target/classes:$(cat migrate-core/target/cp.txt) \
 *     dev.migrate.engine.bench.ApplyRevisionsBenchmark
 * </pre>
 * System properties: {@code bench.rounds} (default 6), {@code bench.log} (log level, default
 * INFO, as an application logs: two lines per revision).
 */
public final class ApplyRevisionsBenchmark {

	private static final int REVISIONS = 1000;

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);

	private ApplyRevisionsBenchmark() {
	}

	/**
	 * Run the benchmark and print each round and the median ratio.
	 * @param args ignored
	 * @throws Exception when the database cannot be reached
	 */
	public static void main(String[] args) throws Exception {
		BenchDatabase.quietLogging();
		Path dir = BenchDatabase.writeChain(REVISIONS,
				"CREATE TABLE item_%1$d (id bigint PRIMARY KEY, name text NOT NULL);\n"
						+ "INSERT INTO item_%1$d (id, name) VALUES (1, 'first')",
				"DROP TABLE item_%1$d");
		try (BenchDatabase db = new BenchDatabase("migrate_bench_apply")) {
			DataSource dataSource = db.dataSource();
			List<Double> ratios = new ArrayList<>();
			List<String> lines = new ArrayList<>();
			long engineTotal = 0;
			long plainTotal = 0;
			for (int round = 0; round < ROUNDS; round++) {
				String engineSchema = "engine_" + round;
				String plainSchema = "plain_" + round;
				try (Connection plain = dataSource.getConnection()) {
					prepare(plain, plainSchema);
					PlainRunner runner = new PlainRunner(plain);
					Migrator migrator = Migrator.create(dataSource,
							MigrateSettings.builder().locations("filesystem:" + dir).schema(engineSchema).build(),
							runner);
					runner.revisions = statementsOf(migrator);
					long start = System.nanoTime();
					int applied = migrator.upgrade("heads").completed().size();
					long engineNanos = System.nanoTime() - start - runner.nanos;
					if (applied != REVISIONS || runner.next != REVISIONS) {
						throw new IllegalStateException("applied " + applied + ", plain " + runner.next);
					}
					double ratio = (double) engineNanos / runner.nanos;
					lines.add(String.format("round %d%s: engine %.0f ms, plain JDBC %.0f ms, ratio %.3f "
							+ "(per revision: engine %.3f ms, plain %.3f ms)", round, (round == 0) ? " (warm-up)" : "",
							engineNanos / 1e6, runner.nanos / 1e6, ratio, engineNanos / 1e6 / REVISIONS,
							runner.nanos / 1e6 / REVISIONS));
					if (round > 0) {
						ratios.add(ratio);
						engineTotal += engineNanos;
						plainTotal += runner.nanos;
					}
					reset(plain);
				}
				drop(dataSource, engineSchema, plainSchema);
			}
			Collections.sort(ratios);
			lines.forEach(System.out::println);
			System.out.printf("rounds 1-%d: median ratio %.3f, total ratio %.3f, engine / plain JDBC (goal <= 1.15)%n",
					ratios.size(), ratios.get(ratios.size() / 2), (double) engineTotal / plainTotal);
		}
	}

	private static List<List<String>> statementsOf(Migrator migrator) {
		List<List<String>> statements = new ArrayList<>();
		for (Revision revision : migrator.graph().revisions()) {
			statements.add(((RevisionScript.Sql) revision.upgrade()).statements().stream().map(SqlStatement::sql)
				.toList());
		}
		return statements;
	}

	private static void prepare(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
			statement.execute("SET search_path = " + schema);
		}
	}

	private static void reset(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET search_path");
		}
	}

	private static void drop(DataSource dataSource, String... schemas) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				statement.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	/**
	 * Runs the plain JDBC version of each revision right after the engine finished it: one
	 * transaction per revision, its statements one by one.
	 */
	private static final class PlainRunner implements MigrationListener {

		private final Connection connection;

		private List<List<String>> revisions;

		private int next;

		private long nanos;

		PlainRunner(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void onEvent(MigrationEvent event) {
			if (!(event instanceof MigrationEvent.RevisionFinished)) {
				return;
			}
			long start = System.nanoTime();
			try (Statement statement = this.connection.createStatement()) {
				this.connection.setAutoCommit(false);
				for (String sql : this.revisions.get(this.next)) {
					statement.execute(sql);
				}
				this.connection.commit();
				this.connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			this.next++;
			this.nanos += System.nanoTime() - start;
		}

	}

}
