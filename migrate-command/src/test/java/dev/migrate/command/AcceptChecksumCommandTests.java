package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code accept-checksum} and the hints that lead to it, through the command-mode parser with
 * the words of a front end ({@link TestVocabulary}) against a real PostgreSQL: the
 * diamond's revisions in a filesystem location, applied, then edited.
 */
class AcceptChecksumCommandTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final String AE10 = "ae1027a6acf_add_last_transaction_column.sql";

	private static final String BASE = "1975ea83b712_create_account_table.sql";

	@TempDir
	Path directory;

	private String schema;

	private CommandHarness harness;

	@BeforeEach
	void setUp() {
		CommandHarness.copyRevisions("command/diamond", this.directory, BASE, AE10,
				"27c6a30d7c24_add_cart_table.sql", "53fffde5ad5_merge_heads.sql");
		this.schema = PostgresDatabase.uniqueName("s");
		this.harness = new CommandHarness(db.dataSource(), MigrateSettings.builder()
			.locations("filesystem:" + this.directory)
			.schema(this.schema)
			.instance("test")
			.vocabulary(TestVocabulary.INSTANCE)
			.build());
		assertThat(this.harness.run("upgrade heads").status()).isEqualTo(ExitStatus.OK);
	}

	@Test
	void editedRevisionFailsCheckUntilItsChecksumIsAccepted() throws IOException {
		edit(AE10);
		CommandHarness.Result check = this.harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.lines()).hasSize(2);
		assertThat(check.lines().get(0)).startsWith("Revision ae1027a6acf (filesystem:" + this.directory + "/" + AE10
				+ "): recorded checksum ");
		assertThat(check.lines().get(1)).isEqualTo("If the edit is deliberate and the database already matches, "
				+ "accept the new checksum: <run accept-checksum ae1027a6acf>; otherwise revert the file");
		CommandHarness.Result upgrade = this.harness.run("upgrade heads");
		assertThat(upgrade.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(upgrade.err()).contains("\nAction: Revert the file to what was applied")
			.endsWith(" accept the new checksum with <run accept-checksum ae1027a6acf>, or turn the "
					+ "check off with <validate-checksums=false>\n");
		CommandHarness.Result accept = this.harness.run("accept-checksum ae10");
		assertThat(accept.err()).isEmpty();
		assertThat(accept.status()).isEqualTo(ExitStatus.OK);
		assertThat(accept.out()).matches("Accepted the checksum of ae1027a6acf \\(filesystem:\\S+/" + AE10
				+ "\\): [0-9a-f]{64} -> [0-9a-f]{64}\n");
		assertThat(this.harness.run("check").out())
			.isEqualTo("No pending revisions; database is at head(s) 53fffde5ad5 (head)\n");
		assertThat(rows("SELECT 1 FROM " + this.schema + ".migrate_history WHERE direction = 'accept_checksum'"))
			.isEqualTo(1);
		CommandHarness.Result again = this.harness.run("accept-checksum ae1027a6acf");
		assertThat(again.status()).isEqualTo(ExitStatus.OK);
		assertThat(again.out()).isEqualTo("No checksum to accept: ae1027a6acf matches its recorded checksum\n");
	}

	@Test
	void withoutRevisionsEveryEditedRevisionIsAccepted() throws IOException {
		assertThat(this.harness.run("accept-checksum").out())
			.isEqualTo("No checksum to accept: every applied revision matches its recorded checksum\n");
		edit(BASE);
		edit(AE10);
		CommandHarness.Result check = this.harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.out())
			.contains("accept the new checksums: <run accept-checksum 1975ea83b712 ae1027a6acf>;");
		CommandHarness.Result accept = this.harness.run("accept-checksum");
		assertThat(accept.status()).isEqualTo(ExitStatus.OK);
		assertThat(accept.lines()).hasSize(2);
		assertThat(accept.lines().get(0)).startsWith("Accepted the checksum of 1975ea83b712 ");
		assertThat(accept.lines().get(1)).startsWith("Accepted the checksum of ae1027a6acf ");
		assertThat(this.harness.run("check").status()).isEqualTo(ExitStatus.OK);
	}

	@Test
	void unknownOrUnappliedRevisionsAreClearErrorsAndAcceptNothing() throws IOException {
		assertThat(this.harness.run("downgrade 27c6").status()).isEqualTo(ExitStatus.OK);
		CommandHarness.Result pending = this.harness.run("accept-checksum 53ff");
		assertThat(pending.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(pending.err()).startsWith("FAILED: Cannot accept the checksum of revision 53fffde5ad5 ")
			.contains("it is not applied to this database");
		edit(AE10);
		CommandHarness.Result unknown = this.harness.run("accept-checksum ae10 f00d");
		assertThat(unknown.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(unknown.out()).isEmpty();
		assertThat(unknown.err()).startsWith("FAILED: Can't locate revision identified by 'f00d'\nAction: ");
		assertThat(this.harness.run("check").status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(rows("SELECT 1 FROM " + this.schema + ".migrate_history WHERE direction = 'accept_checksum'"))
			.isZero();
	}

	@Test
	void parsesRevisionsAndHelp() {
		assertThat(Commands.parse("accept-checksum")).isEqualTo(new AcceptChecksumCommand(List.of()));
		assertThat(Commands.parse("accept-checksum ae10 1975"))
			.isEqualTo(new AcceptChecksumCommand(List.of("ae10", "1975")));
		assertThat(Commands.parse("accept-checksum --help")).isInstanceOf(HelpCommand.class);
		assertThat(this.harness.run("help").out()).contains("\n  accept-checksum ");
		assertThat(this.harness.run("accept-checksum --all").err()).startsWith("Unknown option: '--all'");
	}

	/** Change what a revision's upgrade does, and so its checksum. */
	private void edit(String fileName) throws IOException {
		Path file = this.directory.resolve(fileName);
		String text = Files.readString(file);
		Files.writeString(file, text.replace("-- downgrade", "SELECT 1;\n\n-- downgrade"));
	}

	private int rows(String sql) {
		try (var connection = db.connect(); var statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			int count = 0;
			while (rs.next()) {
				count++;
			}
			return count;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
