package dev.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} reports the INVALID indexes of the managed schemas that an interrupted
 * {@code CREATE INDEX CONCURRENTLY} left.
 */
class CheckInvalidIndexTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	@Test
	void checkReportsInvalidIndexes() throws Exception {
		String schema = PostgresDatabase.uniqueName("ci");
		Files.writeString(this.dir.resolve("a1_account.sql"), """
				-- revision: a1
				-- down_revision:

				-- upgrade
				CREATE TABLE account (id int, email text);
				INSERT INTO account VALUES (1, 'a@example.com'), (2, 'a@example.com');
				""");
		CommandHarness harness = new CommandHarness(db.dataSource(),
				MigrateSettings.builder().locations("filesystem:" + this.dir).schema(schema).build());
		assertThat(harness.run("upgrade heads").status()).isEqualTo(ExitStatus.OK);
		assertThat(harness.run("check").status()).isEqualTo(ExitStatus.OK);
		try {
			db.execute("CREATE UNIQUE INDEX CONCURRENTLY account_email ON " + schema + ".account (email)");
		}
		catch (IllegalStateException ex) {
			// 23505: the build failed and left the index INVALID, as an interrupted one does
		}
		CommandHarness.Result check = harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.out()).isEqualTo("Index " + schema + ".account_email is INVALID (an interrupted CREATE INDEX "
				+ "CONCURRENTLY or REINDEX CONCURRENTLY left it; PostgreSQL maintains it but never uses it): drop it "
				+ "(DROP INDEX CONCURRENTLY IF EXISTS " + schema + ".account_email;) and build it again, or upgrade "
				+ "again if a revision builds it\n");
	}

}
