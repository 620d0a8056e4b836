package dev.migrate.engine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A revision whose connection is lost while no new connection can be opened either: its failure
 * row is kept and written by the next run of the same migrator, once the database is back.
 */
class PendingHistoryTests {

	private static final String APPLICATION = "migrate-pending";

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	@Test
	void failureRowThatCouldNotBeWrittenIsWrittenByTheNextRun() throws Exception {
		String schema = PostgresDatabase.uniqueName("p");
		db.execute("CREATE TABLE IF NOT EXISTS public.slow_flag (id int); INSERT INTO public.slow_flag VALUES (1)");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int)", "DROP TABLE account")
			.add("b2", "a1", "slow", true, "CREATE TABLE slow_work (id int);\n"
					+ "SELECT pg_sleep(CASE WHEN EXISTS (SELECT 1 FROM public.slow_flag) THEN 60 ELSE 0 END)",
					"DROP TABLE slow_work");
		RefusingDataSource dataSource = new RefusingDataSource(db.dataSource(APPLICATION));
		Migrator migrator = Migrator.create(dataSource,
				MigrateSettings.builder().locations(revisions.location()).schema(schema).build());
		migrator.upgrade("a1");
		CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
		int pid = awaitSleepingBackend();
		dataSource.refuse = true;
		assertThat(Queries.value(db, "SELECT pg_terminate_backend(" + pid + ")")).isEqualTo("t");
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> {
			try {
				run.get(60, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				throw ex.getCause();
			}
		});
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(history(schema)).containsExactly("a1 true");

		dataSource.refuse = false;
		db.execute("DELETE FROM public.slow_flag");
		Queries.awaitBackendGone(db, pid);
		assertThat(migrator.upgrade("heads").completed()).containsExactly("b2");
		assertThat(history(schema)).containsExactly("b2 true", "b2 false", "a1 true");
	}

	private static List<String> history(String schema) {
		return Queries.column(db, "SELECT revision || ' ' || success FROM " + schema + ".migrate_history ORDER BY id DESC");
	}

	private static int awaitSleepingBackend() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() - deadline < 0) {
			List<String> pids = Queries.column(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
					+ "AND application_name = '" + APPLICATION + "' AND query LIKE '%pg_sleep%' AND state = 'active'");
			if (!pids.isEmpty()) {
				return Integer.parseInt(pids.get(0));
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The migration never ran its pg_sleep");
	}

	/** A data source that refuses new connections while {@link #refuse} is set, as a server that is down. */
	static final class RefusingDataSource implements DataSource {

		private final DataSource delegate;

		volatile boolean refuse;

		RefusingDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.refuse) {
				throw new SQLException("Connection refused (test)", "08001");
			}
			return this.delegate.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.delegate.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.delegate.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.delegate.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.delegate.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.delegate.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			return this.delegate.unwrap(iface);
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) throws SQLException {
			return this.delegate.isWrapperFor(iface);
		}

	}

}
