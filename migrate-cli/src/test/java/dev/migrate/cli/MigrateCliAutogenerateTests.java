package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.command.ExitStatus;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate revision --autogenerate} and {@code migrate check --drift} against a real
 * PostgreSQL, with a temporary shadow database and with {@code --shadow-url}.
 */
class MigrateCliAutogenerateTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@RegisterExtension
	static final PostgresDatabase shadow = new PostgresDatabase();

	@TempDir
	Path project;

	private Path revisions;

	private CliRunner cli;

	@BeforeEach
	void setUp() throws IOException {
		db.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
		this.revisions = Files.createDirectories(this.project.resolve("src/main/resources/db/revisions"));
		this.cli = new CliRunner().env("DATABASE_URL", db.url())
			.env("DATABASE_USER", db.user())
			.env("DATABASE_PASSWORD", db.password())
			.env("MIGRATE_LOCATIONS", "filesystem:" + this.revisions);
	}

	@Test
	void schemaFileBecomesARevisionAndThenNothingDiffers() throws IOException {
		Path schema = this.project.resolve("schema.sql");
		Files.writeString(schema, """
				CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);
				""");
		CliRunner.Result first = this.cli.run("revision", "--autogenerate", "-m", "create account", "--to",
				schema.toString(), "--rev-id", "a1");
		assertThat(first.err()).doesNotContain("FAILED");
		assertThat(first.status()).isEqualTo(ExitStatus.OK);
		assertThat(first.out()).isEqualTo("Detected table \"account\" added\nGenerating "
				+ this.revisions.resolve("a1_create_account.sql").toAbsolutePath() + " ...  done\n");
		assertThat(this.cli.run("upgrade", "heads").status()).isEqualTo(ExitStatus.OK);
		CliRunner.Result again = this.cli.run("revision", "--autogenerate", "-m", "again", "--to", schema.toString());
		assertThat(again.out()).isEqualTo("No changes in schema detected.\n");
		assertThat(files()).containsExactly("a1_create_account.sql");

		CliRunner.Result clean = this.cli.run("check", "--drift");
		assertThat(clean.status()).isEqualTo(ExitStatus.OK);
		assertThat(clean.lines()).containsExactly("No pending revisions; database is at head(s) a1 (head)",
				"No drift: the database schema is what its applied revisions create");
		db.execute("ALTER TABLE account ADD COLUMN nickname text");
		CliRunner.Result drift = this.cli.run("check", "--drift", "--shadow-url", shadow.url());
		assertThat(drift.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(drift.lines()).contains(
				"table \"account\": column \"nickname\" exists in the database but no revision creates it");
	}

	@Test
	void databaseBehindItsHeadsIsRefused() throws IOException {
		Files.writeString(this.revisions.resolve("a1_base.sql"), "-- revision: a1\n-- down_revision:\n\n-- upgrade\n");
		Path schema = this.project.resolve("schema.sql");
		Files.writeString(schema, "CREATE TABLE t (id int);\n");
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "x", "--to", schema.toString());
		assertThat(result.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(result.err()).startsWith("FAILED: Target database is not up to date.\nAction: The database is at "
				+ "base and the revisions' heads are a1: upgrade it first (migrate upgrade heads), then autogenerate "
				+ "again\n");
	}

	@Test
	void optionsThatDoNotFitAreUsageErrors() {
		CliRunner.Result noFiles = this.cli.run("revision", "--autogenerate", "-m", "x");
		assertThat(noFiles.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(noFiles.err()).startsWith("revision --autogenerate needs the desired schema: --to FILE[,FILE...]");
		CliRunner.Result head = this.cli.run("revision", "--autogenerate", "-m", "x", "--to", "s.sql", "--head", "base");
		assertThat(head.status()).isEqualTo(ExitStatus.USAGE);
		CliRunner.Result toAlone = this.cli.run("revision", "-m", "x", "--to", "s.sql");
		assertThat(toAlone.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(toAlone.err()).startsWith("revision --to needs --autogenerate");
	}

	private List<String> files() throws IOException {
		try (Stream<Path> list = Files.list(this.revisions)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
