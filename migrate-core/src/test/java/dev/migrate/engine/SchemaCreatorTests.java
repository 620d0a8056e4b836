package dev.migrate.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.table.TableNames;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating the schema and tables tolerates concurrent creators that do not share the lock:
 * PostgreSQL's {@code IF NOT EXISTS} races fail with {@code unique_violation} or
 * {@code duplicate_table}, which the creator absorbs after checking the object exists.
 */
class SchemaCreatorTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void concurrentCreatorsWithoutTheLockAllSucceed() throws Exception {
		int creators = 6;
		ExecutorService pool = Executors.newFixedThreadPool(creators);
		try {
			for (int round = 0; round < 5; round++) {
				String schema = PostgresDatabase.uniqueName("race");
				TableNames names = TableNames.of(schema, "migrate_version", "migrate_history");
				List<Connection> connections = new ArrayList<>();
				for (int i = 0; i < creators; i++) {
					connections.add(db.connect());
				}
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> futures = new ArrayList<>();
				for (Connection connection : connections) {
					futures.add(pool.submit(() -> {
						start.await();
						new SchemaCreator(names, new StateReader(names)).ensureTables(connection);
						return null;
					}));
				}
				start.countDown();
				for (Future<?> future : futures) {
					future.get(30, TimeUnit.SECONDS);
				}
				for (Connection connection : connections) {
					connection.close();
				}
				assertThat(Queries.exists(db, schema + ".migrate_version")).isTrue();
				assertThat(Queries.exists(db, schema + ".migrate_history")).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
