package dev.migrate.autoconfigure.boot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's command mode end to end: {@link TestApplication} started in a child JVM with
 * {@code --migrate.command=...} runs the command against its DataSource, never starts its web
 * server, and exits with the command's status.
 */
class CommandModeBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void runsCommandsWithTheApplicationConfigurationAndExitsWithTheirStatus() throws Exception {
		Boot.ChildResult upgrade = run("upgrade heads");
		assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
		assertThat(upgrade.output()).containsPattern("Upgraded 2 revision\\(s\\) in \\d+ ms; database is at "
				+ "b2c3d4e5f6a1 \\(head\\)").doesNotContain("Tomcat");
		assertThat(versions()).containsExactly("b2c3d4e5f6a1");

		Boot.ChildResult current = run("current");
		assertThat(current.exitCode()).as(current.output()).isZero();
		assertThat(current.output()).contains("\nb2c3d4e5f6a1 (head)\n").doesNotContain("Tomcat");

		Boot.ChildResult downgrade = run("downgrade -1");
		assertThat(downgrade.exitCode()).as(downgrade.output()).isZero();
		assertThat(downgrade.output()).containsPattern("Downgraded 1 revision\\(s\\) in \\d+ ms; database is at "
				+ "a1b2c3d4e5f6");
		assertThat(versions()).containsExactly("a1b2c3d4e5f6");

		Boot.ChildResult check = run("check");
		assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
		assertThat(check.output()).contains("Pending: 1 revision(s) not applied;").contains("  b2c3d4e5f6a1 (add email column)");
		assertThat(versions()).containsExactly("a1b2c3d4e5f6");
	}

	private static Boot.ChildResult run(String command) throws Exception {
		return Boot.runChild(Boot.arguments(db, "migrate.locations=classpath:revisions/basic",
				"migrate.command=" + command));
	}

	private static List<String> versions() throws Exception {
		List<String> versions = new ArrayList<>();
		try (Connection connection = db.connect();
				ResultSet rs = connection.createStatement().executeQuery("SELECT version_num FROM migrate_version")) {
			while (rs.next()) {
				versions.add(rs.getString(1));
			}
		}
		return versions;
	}

}
