package dev.migrate.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.revision.RevisionIndexWriter;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a revision index that vouches for the revisions, the commands answer an up-to-date
 * database without building the graph, and print exactly what they print without an index.
 */
class IndexedCommandsTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final List<String> DIAMOND = List.of("1975ea83b712_create_account_table.sql",
			"27c6a30d7c24_add_cart_table.sql", "53fffde5ad5_merge_heads.sql", "ae1027a6acf_add_last_transaction_column.sql");

	@TempDir
	Path dir;

	private String schema;

	@BeforeEach
	void setUp() throws IOException {
		this.schema = PostgresDatabase.uniqueName("ix");
		for (String file : DIAMOND) {
			try (InputStream input = getClass().getClassLoader().getResourceAsStream("command/diamond/" + file)) {
				Files.write(this.dir.resolve(file), input.readAllBytes());
			}
		}
	}

	private CommandHarness harness(String location) {
		return new CommandHarness(db.dataSource(),
				MigrateSettings.builder().locations(location).schema(this.schema).instance("test").build());
	}

	@Test
	void anUpToDateDatabaseIsReportedAsWithoutAnIndex() throws IOException {
		RevisionIndexWriter.write(this.dir);
		String indexed = "filesystem:" + this.dir;
		assertThat(harness(indexed).run("upgrade heads").out())
			.matches("Upgraded 4 revision\\(s\\) in \\d+ ms; database is at 53fffde5ad5 \\(head\\)\n");
		for (String location : List.of(indexed, "classpath:command/diamond")) {
			assertThat(harness(location).run("upgrade heads").out())
				.isEqualTo("Nothing to upgrade; database is at 53fffde5ad5 (head)\n");
			assertThat(harness(location).run("check").out())
				.isEqualTo("No pending revisions; database is at head(s) 53fffde5ad5 (head)\n");
		}
		assertThat(harness(indexed).run("downgrade 27c6").out()).matches(
				"Downgraded 1 revision\\(s\\) in \\d+ ms; database is at 27c6a30d7c24, ae1027a6acf\n");
	}

}
