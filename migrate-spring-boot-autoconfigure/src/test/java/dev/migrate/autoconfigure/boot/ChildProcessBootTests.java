package dev.migrate.autoconfigure.boot;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full boots of {@link TestApplication} in a child JVM, to see the exit code and the console: a
 * failing revision exits non-zero with the failure analysis; {@code exit-after-migrate} exits 0
 * without serving.
 */
class ChildProcessBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void failingRevisionExitsNonZeroWithTheFailureAnalysis() throws Exception {
		Boot.ChildResult result = Boot.runChild(Boot.arguments(db, "migrate.locations=classpath:revisions/failing",
				"migrate.version-table=failing_version", "migrate.history-table=failing_history"));
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("Database migration failed (REVISION_FAILED)")
			.contains("3a00bb000002")
			.contains("classpath:revisions/failing/3a00bb000002_broken_revision.sql")
			.contains("statement 2 of 2, line 8")
			.contains("SQLSTATE 42P01")
			.contains("no_such_table")
			.contains("Action:")
			.contains("Nothing of revision 3a00bb000002 was applied")
			.contains("Tomcat started");
		try (Connection connection = db.connect();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT version_num FROM failing_version")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("3a00bb000001");
			assertThat(rs.next()).isFalse();
		}
		try (Connection connection = db.connect();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT count(*) FROM information_schema.columns "
							+ "WHERE table_name = 'purchase' AND column_name = 'total'")) {
			rs.next();
			assertThat(rs.getInt(1)).isZero();
		}
	}

	@Test
	void exitAfterMigrateExitsZeroWithoutServing() throws Exception {
		Boot.ChildResult result = Boot.runChild(Boot.arguments(db, "migrate.locations=classpath:revisions/exit",
				"migrate.exit-after-migrate=true", "migrate.version-table=exit_version",
				"migrate.history-table=exit_history"));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("Running upgrade  -> 6c00ee000001, create job table")
			.contains("exiting (migrate.exit-after-migrate=true)")
			.doesNotContain("Tomcat started")
			.doesNotContain("APPLICATION FAILED TO START");
		try (Connection connection = db.connect();
				ResultSet rs = connection.createStatement().executeQuery("SELECT version_num FROM exit_version")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("6c00ee000001");
		}
	}

}
