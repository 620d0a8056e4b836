package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a {@link SchemaPair} on real PostgreSQL: schema A and schema B are built in fresh
 * databases; the revision text rendered from the diff A to B is run on A's database, which must
 * then hold B (by the engine's catalog and by a normalised {@code pg_dump}); its downgrade must
 * then give A back the same way.
 */
final class RoundTrip {

	private final PostgresDatabase base;

	private final ScratchDatabases databases;

	private final java.util.Map<String, Snapshot> snapshots = new java.util.HashMap<>();

	RoundTrip(PostgresDatabase base, ScratchDatabases databases) {
		this.base = base;
		this.databases = databases;
	}

	/** Time spent per activity, in nanoseconds, over all round trips of this JVM. */
	static final java.util.Map<String, Long> TIMINGS = new java.util.concurrent.ConcurrentSkipListMap<>();

	private static long mark(String activity, long since) {
		long now = System.nanoTime();
		TIMINGS.merge(activity, now - since, Long::sum);
		return now;
	}

	/** Run the round trip; returns the steps of the diff A to B for further checks. */
	List<SchemaChange> check(SchemaPair pair) throws SQLException {
		long t = System.nanoTime();
		Snapshot b = snapshot(pair, pair.b());
		String dbA = this.databases.take();
		t = mark("build A and B", t);
		try {
			run(dbA, pair.a(), false);
			Snapshot a = this.snapshots.get(key(pair, pair.a()));
			if (a == null) {
				a = new Snapshot(read(dbA, pair), dump(dbA));
				this.snapshots.put(key(pair, pair.a()), a);
			}
			t = mark("build A and B", t);
			List<SchemaChange> changes = SchemaDiff.between(a.catalog(), b.catalog());
			RevisionScripts scripts = RevisionScripts.render(changes);
			String context = pair.name() + "\n--- upgrade:\n" + scripts.upgrade() + "--- non-transactional upgrade:\n"
					+ scripts.nonTransactionalUpgrade() + "--- non-transactional downgrade:\n"
					+ scripts.nonTransactionalDowngrade() + "--- downgrade:\n" + scripts.downgrade();
			run(dbA, scripts.upgrade(), true, context);
			run(dbA, scripts.nonTransactionalUpgrade(), false, context);
			t = mark("diff and upgrade", t);
			SchemaCatalog upgraded = read(dbA, pair);
			t = mark("read catalogs", t);
			assertThat(describe(upgraded, b.catalog())).as("differences after upgrade of %s", context).isEmpty();
			assertThat(upgraded.withoutColumnOrder()).as("catalog after upgrade of %s", context)
				.isEqualTo(b.catalog().withoutColumnOrder());
			String dumpUpgraded = dump(dbA);
			t = mark("pg_dump", t);
			assertThat(dumpUpgraded).as("pg_dump after upgrade of %s", context).isEqualTo(b.dump());
			run(dbA, scripts.nonTransactionalDowngrade(), false, context);
			run(dbA, scripts.downgrade(), true, context);
			t = mark("downgrade", t);
			SchemaCatalog downgraded = read(dbA, pair);
			t = mark("read catalogs", t);
			assertThat(describe(downgraded, a.catalog())).as("differences after downgrade of %s", context).isEmpty();
			assertThat(downgraded.withoutColumnOrder()).as("catalog after downgrade of %s", context)
				.isEqualTo(a.catalog().withoutColumnOrder());
			String dumpDowngraded = dump(dbA);
			mark("pg_dump", t);
			assertThat(dumpDowngraded).as("pg_dump after downgrade of %s", context).isEqualTo(a.dump());
			return changes;
		}
		finally {
			this.databases.giveBack(dbA);
		}
	}

	/** The steps of the diff from schema A to schema B of the pair, without running them. */
	List<SchemaChange> diff(SchemaPair pair) throws SQLException {
		return SchemaDiff.between(snapshot(pair, pair.a()).catalog(), snapshot(pair, pair.b()).catalog());
	}

	/** Catalog and dump of a schema script, built once per script (pairs and their reverses share them). */
	private Snapshot snapshot(SchemaPair pair, String sql) throws SQLException {
		Snapshot snapshot = this.snapshots.get(key(pair, sql));
		if (snapshot == null) {
			String database = this.databases.take();
			try {
				run(database, sql, false);
				snapshot = new Snapshot(read(database, pair), dump(database));
				this.snapshots.put(key(pair, sql), snapshot);
			}
			finally {
				this.databases.giveBack(database);
			}
		}
		return snapshot;
	}

	private static String key(SchemaPair pair, String sql) {
		return pair.schemas() + "\n" + sql;
	}

	private record Snapshot(SchemaCatalog catalog, String dump) {
	}

	private static List<String> describe(SchemaCatalog actual, SchemaCatalog expected) {
		return SchemaDiff.between(actual, expected).stream().map(SchemaChange::description).toList();
	}

	private SchemaCatalog read(String database, SchemaPair pair) throws SQLException {
		try (Connection connection = this.databases.connect(database)) {
			return CatalogReader.read(connection, pair.schemas(), Set.of());
		}
	}

	private String dump(String database) {
		return SchemaDump.of(this.databases.url(database), this.base.user(), this.base.password());
	}

	void run(String database, String sql, boolean transactional) throws SQLException {
		run(database, sql, transactional, sql);
	}

	private void run(String database, String sql, boolean transactional, String context) throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(sql, "test", 1);
		if (statements.isEmpty()) {
			return;
		}
		try (Connection connection = this.databases.connect(database)) {
			connection.setAutoCommit(!transactional);
			try (Statement statement = connection.createStatement()) {
				for (SqlStatement each : statements) {
					try {
						statement.execute(each.sql());
					}
					catch (SQLException ex) {
						throw new AssertionError("Statement failed: " + each.sql() + "\n" + ex.getMessage() + "\nin "
								+ context, ex);
					}
				}
			}
			if (transactional) {
				connection.commit();
			}
		}
	}

}
