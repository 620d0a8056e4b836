package dev.migrate.engine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * What recording a revision costs, statement shape by statement shape, over plain JDBC: each
 * variant runs the same small revision ({@code CREATE TABLE} with a primary key, one
 * {@code INSERT}) in its own transaction on its own connection and schema, plus its way of
 * recording it (version-table {@code UPDATE} and history {@code INSERT}). The variants take turns
 * revision by revision, so a change in the machine's load hits them all; the result is, per
 * variant, the median over the revisions of its time minus the plain revision's time next to
 * it, for all revisions and for the first and last 100 (to see whether the version table's dead
 * rows slow the {@code UPDATE} down).
 *
 * <pre>
 * mvn -B -q -pl migrate-core -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp migrate-core/target/test-classes:migrate-core/target/classes:$(cat migrate-core/target/cp.txt) \
 *     dev.migrate.engine.bench.RecordingCostBenchmark
 * </pre>
 * System properties: {@code bench.revisions} (default 1000), {@code bench.rounds} (default 3,
 * round 0 is a warm-up).
 */
public final class RecordingCostBenchmark {

	private static final int REVISIONS = Integer.getInteger("bench.revisions", 1000);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private static final String CHECKSUM = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private RecordingCostBenchmark() {
	}

	/**
	 * Run the benchmark and print, per round, each variant's extra time over the plain revision.
	 * @param args ignored
	 * @throws Exception when the database cannot be reached
	 */
	public static void main(String[] args) throws Exception {
		BenchDatabase.quietLogging();
		List<Variant> variants = List.of(
				new Variant("plain JDBC (BEGIN, 2 statements, COMMIT)", "", RecordingCostBenchmark::plain),
				new Variant("plain + one more round trip (SELECT 1)", "", (side, i) -> {
					begin(side, i, false);
					side.statement.execute("SELECT 1");
					commit(side);
				}), new Variant("JDBC prepared UPDATE;INSERT, one trip (before)", "",
						(side, i) -> jdbcPrepared(side, i, true, "")),
				new Variant("  the same without SET LOCAL lock_timeout", "",
						(side, i) -> jdbcPrepared(side, i, false, "")),
				new Variant("  the same, version table fillfactor 50", " WITH (fillfactor = 50)",
						(side, i) -> jdbcPrepared(side, i, true, "")),
				new Variant("  the same, COMMIT in the same round trip", "",
						(side, i) -> jdbcPrepared(side, i, true, ";\nCOMMIT")),
				new Variant("  the same, times from now()/clock_timestamp()", "", RecordingCostBenchmark::serverTimes),
				new Variant("  version UPDATE alone", "", RecordingCostBenchmark::updateOnly),
				new Variant("  history INSERT alone", "", RecordingCostBenchmark::historyOnly),
				new Variant("SQL PREPARE'd WITH UPDATE ... INSERT, EXECUTE", "", (side, i) -> sqlPrepared(side, i, "")),
				new Variant("  the same, version table fillfactor 50", " WITH (fillfactor = 50)",
						(side, i) -> sqlPrepared(side, i, "")),
				new Variant("  the same, COMMIT in the same round trip (now)", "",
						(side, i) -> sqlPrepared(side, i, ";COMMIT")));
		try (BenchDatabase db = new BenchDatabase("migrate_bench_recording")) {
			HikariDataSource dataSource = db.dataSource();
			for (int round = 0; round < ROUNDS; round++) {
				List<Side> sides = new ArrayList<>();
				for (int k = 0; k < variants.size(); k++) {
					sides.add(new Side(dataSource, "v" + k + "_r" + round, variants.get(k).versionTableOptions()));
				}
				long[][] nanos = new long[variants.size()][REVISIONS];
				for (int i = 0; i < REVISIONS; i++) {
					for (int j = 0; j < variants.size(); j++) {
						int k = (i + j) % variants.size();
						long start = System.nanoTime();
						variants.get(k).revision().run(sides.get(k), i);
						nanos[k][i] = System.nanoTime() - start;
					}
				}
				System.out.printf("round %d%s: plain JDBC median %.3f ms per revision; extra time per revision "
						+ "(median of the differences to plain; first 100 / last 100):%n", round,
						(round == 0) ? " (warm-up)" : "", median(nanos[0]) / 1e6);
				for (int k = 1; k < variants.size(); k++) {
					System.out.printf("  %-50s %+.3f ms  (%+.3f / %+.3f)%n", variants.get(k).name(),
							difference(nanos[k], nanos[0], 0, REVISIONS) / 1e6,
							difference(nanos[k], nanos[0], 0, 100) / 1e6,
							difference(nanos[k], nanos[0], REVISIONS - 100, REVISIONS) / 1e6);
				}
				for (Side side : sides) {
					side.close();
				}
			}
		}
	}

	private static void begin(Side side, int i, boolean setLockTimeout) throws SQLException {
		side.connection.setAutoCommit(false);
		String create = "CREATE TABLE item_" + i + " (id bigint PRIMARY KEY, name text NOT NULL)";
		side.statement.execute(setLockTimeout ? "SET LOCAL lock_timeout = '2000ms';" + create : create);
		side.statement.execute("INSERT INTO item_" + i + " (id, name) VALUES (1, 'first')");
	}

	private static void commit(Side side) throws SQLException {
		side.connection.commit();
		side.connection.setAutoCommit(true);
	}

	private static void plain(Side side, int i) throws SQLException {
		begin(side, i, false);
		commit(side);
	}

	private static void jdbcPrepared(Side side, int i, boolean setLockTimeout, String after) throws SQLException {
		begin(side, i, setLockTimeout);
		PreparedStatement statement = side.prepared(side.versionSql.update() + ";\n" + side.historySql.insert() + after);
		statement.setString(1, id(i));
		statement.setString(2, id(i - 1));
		bindHistory(statement, 3, i);
		statement.execute();
		expectOne(statement.getUpdateCount());
		commit(side);
	}

	private static void serverTimes(Side side, int i) throws SQLException {
		begin(side, i, true);
		PreparedStatement statement = side.prepared(side.versionSql.update() + ";\n" + side.historySql
			.insertFrom("VALUES (?, ?, ?, ?, now(), clock_timestamp(), "
					+ "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, true, NULL, ?)"));
		statement.setString(1, id(i));
		statement.setString(2, id(i - 1));
		statement.setString(3, id(i));
		statement.setString(4, "upgrade");
		statement.setString(5, "step " + i);
		statement.setString(6, CHECKSUM);
		statement.setNull(7, Types.VARCHAR);
		statement.execute();
		expectOne(statement.getUpdateCount());
		commit(side);
	}

	private static void updateOnly(Side side, int i) throws SQLException {
		begin(side, i, true);
		PreparedStatement statement = side.prepared(side.versionSql.update());
		statement.setString(1, id(i));
		statement.setString(2, id(i - 1));
		expectOne(statement.executeUpdate());
		commit(side);
	}

	private static void historyOnly(Side side, int i) throws SQLException {
		begin(side, i, true);
		PreparedStatement statement = side.prepared(side.historySql.insert());
		bindHistory(statement, 1, i);
		expectOne(statement.executeUpdate());
		commit(side);
	}

	private static void sqlPrepared(Side side, int i, String after) throws SQLException {
		if (!side.sqlPrepared) {
			side.statement.execute("PREPARE record_step AS WITH changed AS (UPDATE " + side.schema
					+ ".migrate_version SET version_num = $1 WHERE version_num = $2 RETURNING $4::varchar AS direction) "
					+ side.historySql.insertFrom(
							"SELECT $3, (SELECT direction FROM changed), $5, $6, $7, $8, $9, $10, $11, $12"));
			side.sqlPrepared = true;
		}
		begin(side, i, true);
		String now = Instant.now().toString();
		side.statement.execute("EXECUTE record_step(E'" + id(i) + "', E'" + id(i - 1) + "', E'" + id(i)
				+ "', E'upgrade', E'step " + i + "', E'" + CHECKSUM + "', '" + now + "', '" + now
				+ "', 1, true, NULL, NULL)" + after);
		expectOne(side.statement.getUpdateCount());
		commit(side);
	}

	private static void bindHistory(PreparedStatement statement, int first, int i) throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		statement.setString(first, id(i));
		statement.setString(first + 1, "upgrade");
		statement.setString(first + 2, "step " + i);
		statement.setString(first + 3, CHECKSUM);
		statement.setTimestamp(first + 4, now);
		statement.setTimestamp(first + 5, now);
		statement.setLong(first + 6, 1);
		statement.setBoolean(first + 7, true);
		statement.setNull(first + 8, Types.VARCHAR);
		statement.setNull(first + 9, Types.VARCHAR);
	}

	private static void expectOne(int count) {
		if (count != 1) {
			throw new IllegalStateException("expected one row, got " + count);
		}
	}

	private static String id(int i) {
		return (i < 0) ? "start" : BenchDatabase.id(i);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long difference(long[] variant, long[] plain, int from, int to) {
		long[] differences = new long[to - from];
		for (int i = from; i < to; i++) {
			differences[i - from] = variant[i] - plain[i];
		}
		return median(differences);
	}

	/** One way of running and recording a revision. */
	@FunctionalInterface
	private interface Revision {

		void run(Side side, int index) throws SQLException;

	}

	private record Variant(String name, String versionTableOptions, Revision revision) {
	}

	/**
	 * A variant's own connection (outside the pool, pgjdbc's defaults) and schema with its
	 * version table (holding one row) and history table.
	 */
	private static final class Side implements AutoCloseable {

		private final HikariDataSource dataSource;

		private final String schema;

		private final VersionTableSql versionSql;

		private final HistoryTableSql historySql;

		private final Connection connection;

		private final Statement statement;

		private final Map<String, PreparedStatement> prepared = new HashMap<>();

		private boolean sqlPrepared;

		Side(HikariDataSource dataSource, String schema, String versionTableOptions) throws SQLException {
			this.dataSource = dataSource;
			this.schema = schema;
			TableNames names = TableNames.of(schema, "migrate_version", "migrate_history");
			this.versionSql = new VersionTableSql(names);
			this.historySql = new HistoryTableSql(names);
			Properties properties = new Properties();
			properties.putAll(dataSource.getDataSourceProperties());
			this.connection = DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
			this.statement = this.connection.createStatement();
			this.statement.setEscapeProcessing(false);
			this.statement.execute("CREATE SCHEMA " + schema);
			this.statement.execute(this.versionSql.createIfNotExists() + versionTableOptions);
			this.statement.execute(this.historySql.createIfNotExists());
			this.statement.execute(this.versionSql.insert("start"));
			this.statement.execute("SET search_path = " + schema);
		}

		PreparedStatement prepared(String sql) throws SQLException {
			PreparedStatement statement = this.prepared.get(sql);
			if (statement == null) {
				statement = this.connection.prepareStatement(sql);
				this.prepared.put(sql, statement);
			}
			return statement;
		}

		@Override
		public void close() throws SQLException {
			this.connection.close();
			try (Connection admin = this.dataSource.getConnection(); Statement drop = admin.createStatement()) {
				drop.execute("DROP SCHEMA " + this.schema + " CASCADE");
			}
		}

	}

}
