package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision} and {@code merge} write files that then load and apply on a real PostgreSQL,
 * starting from the diamond without its merge (two heads).
 */
class RevisionCommandsTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path tmp;

	private Path dir;

	private String schema;

	private CommandHarness harness;

	@BeforeEach
	void setUp() {
		this.dir = CommandHarness.copyRevisions("command/diamond", this.tmp.resolve("revisions"),
				"1975ea83b712_create_account_table.sql", "ae1027a6acf_add_last_transaction_column.sql",
				"27c6a30d7c24_add_cart_table.sql");
		this.schema = PostgresDatabase.uniqueName("s");
		this.harness = harness("filesystem:" + this.dir);
	}

	private CommandHarness harness(String... locations) {
		return new CommandHarness(db.dataSource(),
				MigrateSettings.builder()
					.locations(locations)
					.schema(this.schema)
					.instance("test")
					.vocabulary(TestVocabulary.INSTANCE)
					.build());
	}

	@Test
	void twoHeadsNeedAMergeWhichLoadsAndApplies() throws IOException {
		assertThat(this.harness.run("heads").out()).isEqualTo("27c6a30d7c24 (head)\nae1027a6acf (head)\n");
		CommandHarness.Result head = this.harness.run("upgrade head");
		assertThat(head.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(head.err()).startsWith("FAILED: Multiple head revisions are present for given argument 'head'");
		assertThat(this.harness.run("upgrade heads").out()).endsWith("database is at 27c6a30d7c24 (head), ae1027a6acf (head)\n");
		CommandHarness.Result check = this.harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.out()).isEqualTo("Multiple heads are present: 27c6a30d7c24, ae1027a6acf; create a merge "
				+ "revision (<run merge -m \"merge heads\" heads>)\n");
		CommandHarness.Result revision = this.harness.run("revision -m \"add orders\"");
		assertThat(revision.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(revision.err()).startsWith("FAILED: Multiple heads are present; please specify the head revision "
				+ "on which the new revision should be based, or perform a merge.")
			.endsWith("\nAction: Pass --head <one of them>, or merge them first: "
					+ "<run merge -m \"merge heads\" heads>\n");
		assertThat(files()).hasSize(3);

		CommandHarness.Result merge = this.harness.ids("53fffde5ad5").run("merge -m \"merge heads\" heads");
		Path file = this.dir.resolve("53fffde5ad5_merge_heads.sql");
		assertThat(merge.err()).isEmpty();
		assertThat(merge.out()).isEqualTo("Generating " + file.toAbsolutePath() + " ...  done\n");
		assertThat(Files.readString(file)).isEqualTo("""
				-- revision: 53fffde5ad5
				-- down_revision: 27c6a30d7c24, ae1027a6acf
				-- message: merge heads
				-- create_date: 2026-11-21 17:03:42

				-- upgrade


				-- downgrade

				""");
		assertThat(this.harness.run("heads").out()).isEqualTo("53fffde5ad5 (head)\n");
		assertThat(this.harness.run("upgrade heads").out())
			.matches("Upgraded 1 revision\\(s\\) in \\d+ ms; database is at 53fffde5ad5 \\(head\\)\n");
		assertThat(this.harness.run("check").status()).isEqualTo(ExitStatus.OK);
		assertThat(this.harness.run("downgrade -1").status()).isEqualTo(ExitStatus.FAILED);
		assertThat(this.harness.run("downgrade ae10").out()).endsWith("database is at 27c6a30d7c24, ae1027a6acf\n");
	}

	@Test
	void revisionBuildsOnTheHeadAndItsFileLoadsAndApplies() throws IOException {
		this.harness.ids("53fffde5ad5").run("merge -m \"merge heads\" ae10 27c6");
		CommandHarness.Result revision = this.harness.ids("5a1b2c3d4e5f").run("revision -m \"Add cart items!\"");
		Path file = this.dir.resolve("5a1b2c3d4e5f_add_cart_items.sql");
		assertThat(revision.out()).isEqualTo("Generating " + file.toAbsolutePath() + " ...  done\n");
		assertThat(Files.readString(file)).startsWith("-- revision: 5a1b2c3d4e5f\n-- down_revision: 53fffde5ad5\n"
				+ "-- message: Add cart items!\n-- create_date: 2026-11-21 17:03:42\n\n-- upgrade\n");
		fill(file, "CREATE TABLE cart_item (id int PRIMARY KEY);", "DROP TABLE cart_item;");
		assertThat(this.harness.run("history").lines()).first()
			.isEqualTo("53fffde5ad5 -> 5a1b2c3d4e5f (head), Add cart items!");
		assertThat(this.harness.run("upgrade head").out()).endsWith("database is at 5a1b2c3d4e5f (head)\n");
		assertThat(tableExists("cart_item")).isTrue();
		assertThat(this.harness.run("downgrade -1").out()).endsWith("database is at 53fffde5ad5\n");
		assertThat(tableExists("cart_item")).isFalse();

		CommandHarness.Result concurrently = this.harness.run("revision -m \"index cart items\" --non-transactional");
		assertThat(concurrently.status()).isEqualTo(ExitStatus.OK);
		Path index = files().stream()
			.filter((path) -> path.getFileName().toString().endsWith("_index_cart_items.sql"))
			.findFirst()
			.orElseThrow();
		String id = index.getFileName().toString().substring(0, 12);
		assertThat(id).matches("[0-9a-f]{12}");
		assertThat(Files.readString(index)).contains("-- revision: " + id + "\n-- down_revision: 5a1b2c3d4e5f\n")
			.contains("\n-- transactional: false\n");
		fill(index, "CREATE INDEX CONCURRENTLY ix_account_name2 ON account (name);",
				"DROP INDEX CONCURRENTLY ix_account_name2;");
		assertThat(this.harness.run("upgrade heads").out()).endsWith("database is at " + id + " (head)\n");
		assertThat(this.harness.run("show " + id).out()).contains("    Transactional: false\n");
	}

	@Test
	void headBaseStartsANewBaseAndSpliceBranchesFromAnOlderRevision() throws IOException {
		this.harness.ids("53fffde5ad5").run("merge -m m heads");
		assertThat(this.harness.run("revision -m \"other base\" --head base --rev-id b0").status())
			.isEqualTo(ExitStatus.OK);
		assertThat(Files.readString(this.dir.resolve("b0_other_base.sql"))).startsWith("-- revision: b0\n-- down_revision:\n");
		assertThat(this.harness.run("heads").out()).isEqualTo("53fffde5ad5 (head)\nb0 (head)\n");
		CommandHarness.Result notHead = this.harness.run("revision -m x --head 1975");
		assertThat(notHead.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(notHead.err()).startsWith("FAILED: Revision 1975ea83b712 is not a head revision; please specify "
				+ "--splice to create a new branch from this revision");
		assertThat(this.harness.run("revision -m x --head 1975 --splice --rev-id s1").status()).isEqualTo(ExitStatus.OK);
		assertThat(Files.readString(this.dir.resolve("s1_x.sql"))).contains("-- down_revision: 1975ea83b712\n");
		assertThat(this.harness.run("branches").out()).isEqualTo("""
				1975ea83b712 (branchpoint)
				             -> 27c6a30d7c24
				             -> ae1027a6acf
				             -> s1 (head)

				""");
		assertThat(this.harness.run("upgrade heads").out())
			.endsWith("database is at 53fffde5ad5 (head), b0 (head), s1 (head)\n");
	}

	@Test
	void branchLabelStartsANamedBranchThatHeadTargetsBuildOn() throws IOException {
		this.harness.ids("53fffde5ad5").run("merge -m m heads");
		CommandHarness.Result labelled = this.harness.run("revision -m \"create networking\" --head base "
				+ "--branch-label networking --rev-id 3cac04ae8714");
		assertThat(labelled.err()).isEmpty();
		assertThat(labelled.status()).isEqualTo(ExitStatus.OK);
		assertThat(Files.readString(this.dir.resolve("3cac04ae8714_create_networking.sql")))
			.startsWith("-- revision: 3cac04ae8714\n-- down_revision:\n-- message: create networking\n"
					+ "-- create_date: 2026-11-21 17:03:42\n-- branch_labels: networking\n\n-- upgrade\n");
		fill(this.dir.resolve("3cac04ae8714_create_networking.sql"), "CREATE TABLE ip (id int);", "DROP TABLE ip;");
		assertThat(this.harness.run("revision -m \"add subnet\" --head networking@head --rev-id 109ec7d132bf").status())
			.isEqualTo(ExitStatus.OK);
		assertThat(Files.readString(this.dir.resolve("109ec7d132bf_add_subnet.sql")))
			.contains("-- down_revision: 3cac04ae8714\n").doesNotContain("branch_labels");
		assertThat(this.harness.run("heads").out()).isEqualTo("109ec7d132bf (networking) (head)\n53fffde5ad5 (head)\n");
		assertThat(this.harness.run("upgrade networking@head").out())
			.endsWith("database is at 109ec7d132bf (head)\n");
		assertThat(tableExists("ip")).isTrue();
		assertThat(tableExists("account")).isFalse();
	}

	@Test
	void branchLabelsThatAreUsedOrMalformedAreRefusedAndWriteNothing() throws IOException {
		this.harness.run("revision -m n --head base --branch-label networking --rev-id n1");
		CommandHarness.Result used = this.harness.run("revision -m x --head base --branch-label networking");
		assertThat(used.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(used.err()).startsWith("FAILED: Branch name 'networking' is already used by revision n1 (");
		CommandHarness.Result id = this.harness.run("revision -m x --head base --branch-label 1975ea83b712");
		assertThat(id.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(id.err()).startsWith("FAILED: Branch name '1975ea83b712' is the id of revision 1975ea83b712 (");
		CommandHarness.Result at = this.harness.run("revision -m x --head base --branch-label net@work");
		assertThat(at.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(at.err()).startsWith("revision --branch-label: Branch label 'net@work' contains '@'. Use a name");
		CommandHarness.Result space = this.harness.run("revision -m x --head base --branch-label \"net work\"");
		assertThat(space.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(space.err()).contains("'net work' contains whitespace");
		CommandHarness.Result reserved = this.harness.run("revision -m x --head base --branch-label heads");
		assertThat(reserved.err()).contains("'heads' is a reserved word");
		assertThat(files()).hasSize(4);
	}

	@Test
	void badRevisionsAreRefusedAndWriteNothing() throws IOException {
		this.harness.ids("53fffde5ad5").run("merge -m m heads");
		CommandHarness.Result duplicate = this.harness.run("revision -m x --rev-id 1975ea83b712");
		assertThat(duplicate.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(duplicate.err()).startsWith("FAILED: ").contains("1975ea83b712");
		CommandHarness.Result badId = this.harness.run("revision -m x --rev-id bad-id");
		assertThat(badId.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(badId.err()).contains("'-'");
		CommandHarness.Result nothing = this.harness.run("merge -m m heads");
		assertThat(nothing.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(nothing.err()).startsWith("FAILED: Nothing to merge: heads names only 53fffde5ad5");
		CommandHarness.Result overlap = this.harness.run("merge -m m 1975 ae10");
		assertThat(overlap.err()).startsWith("FAILED: Cannot merge 1975ea83b712 and ae1027a6acf");
		assertThat(files()).hasSize(4);
		CommandHarness.Result classpath = harness("classpath:command/diamond").run("revision -m x");
		assertThat(classpath.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(classpath.err()).contains("pass --dir");
	}

	@Test
	void revIdThatIsNotAPlainIdIsRefusedAndWritesNowhere() throws IOException {
		for (String id : List.of("../../evil", "..", "a/b", "a\\b", "v1.2", "~root", "a%2fb")) {
			for (String command : List.of("revision -m x --head base --rev-id '" + id + "'", "merge -m x heads --rev-id '" + id + "'")) {
				CommandHarness.Result result = this.harness.run(command);
				assertThat(result.status()).as(command).isEqualTo(ExitStatus.FAILED);
				assertThat(result.err()).as(command)
					.contains("--rev-id", "letters, digits and _")
					.contains("'" + id + "'");
			}
		}
		assertThat(files()).hasSize(3);
		try (Stream<Path> all = Files.walk(this.tmp)) {
			assertThat(all.filter((path) -> path.getFileName().toString().contains("evil"))).isEmpty();
		}
		assertThat(this.harness.ids("x").run("revision -m ok --head base --rev-id Ok_42").status())
			.isEqualTo(ExitStatus.OK);
	}

	@Test
	void dirIsCreatedAndAnEmptyDirectoryStartsAtBase() throws IOException {
		Path fresh = this.tmp.resolve("fresh/db/revisions");
		CommandHarness.Result revision = harness("filesystem:" + fresh).ids("aaaa00000001")
			.run("revision -m \"create tables\"");
		assertThat(revision.status()).isEqualTo(ExitStatus.OK);
		assertThat(Files.readString(fresh.resolve("aaaa00000001_create_tables.sql")))
			.startsWith("-- revision: aaaa00000001\n-- down_revision:\n");
		Path other = this.tmp.resolve("other");
		assertThat(this.harness.ids("bbbb00000002").run("revision -m y --head base --dir " + other).status())
			.isEqualTo(ExitStatus.OK);
		assertThat(other.resolve("bbbb00000002_y.sql")).exists();
	}

	@Test
	void checkReportsRevisionsEditedAfterTheyWereApplied() throws IOException {
		this.harness.ids("53fffde5ad5").run("merge -m m heads");
		this.harness.run("upgrade heads");
		Path cart = this.dir.resolve("27c6a30d7c24_add_cart_table.sql");
		Files.writeString(cart, Files.readString(cart).replace("(id serial PRIMARY KEY)", "(id bigserial PRIMARY KEY)"));
		CommandHarness.Result check = this.harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.lines()).hasSize(2);
		assertThat(check.lines().get(0)).contains("27c6a30d7c24").contains("edited");
		assertThat(check.lines().get(1)).contains(": <run accept-checksum 27c6a30d7c24>;");
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.toList();
		}
	}

	private static void fill(Path file, String upgrade, String downgrade) throws IOException {
		String text = Files.readString(file);
		Files.writeString(file, text.replace("-- upgrade\n\n\n-- downgrade\n\n",
				"-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n"));
	}

	private boolean tableExists(String table) {
		try (var connection = db.connect(); var statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT 1 FROM information_schema.tables WHERE table_schema = '"
						+ this.schema + "' AND table_name = '" + table + "'")) {
			return rs.next();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
