package dev.migrate.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.MigrateSettings;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands against a real PostgreSQL with Alembic's diamond: base {@code 1975ea83b712},
 * {@code ae1027a6acf} and {@code 27c6a30d7c24} (non-transactional) on it, merge
 * {@code 53fffde5ad5}.
 */
class DiamondCommandsTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final String MERGE_LINE = "ae1027a6acf, 27c6a30d7c24 -> 53fffde5ad5 (head) (mergepoint), merge heads";

	private String schema;

	private CommandHarness harness;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("s");
		this.harness = new CommandHarness(db.dataSource(), MigrateSettings.builder()
			.locations("classpath:command/diamond")
			.schema(this.schema)
			.instance("test")
			.build());
	}

	@Test
	void currentOnAnEmptyDatabasePrintsNothingAndCreatesNothing() {
		assertOk(this.harness.run("current"), "");
		assertOk(this.harness.run("current -v"), "Current revision(s) for the test database:\n");
		assertOk(this.harness.run("history -i"), CommandHarness.resource("command/snapshots/history.txt"));
		assertThat(schemaExists()).isFalse();
	}

	@Test
	void upgradeHeadsAppliesTheDiamondAndTheReadCommandsShowIt() {
		CommandHarness.Result upgrade = this.harness.run("upgrade heads");
		assertThat(upgrade.status()).isEqualTo(ExitStatus.OK);
		assertThat(upgrade.out()).matches("Upgraded 4 revision\\(s\\) in \\d+ ms; database is at 53fffde5ad5 \\(head\\)\n");
		assertOk(this.harness.run("current"), "53fffde5ad5 (head) (mergepoint)\n");
		assertThat(this.harness.run("history -i").lines()).containsExactly(
				"ae1027a6acf, 27c6a30d7c24 -> 53fffde5ad5 (head) (current) (mergepoint), merge heads",
				"1975ea83b712 -> ae1027a6acf, add last transaction column",
				"1975ea83b712 -> 27c6a30d7c24, add cart table",
				"<base> -> 1975ea83b712 (branchpoint), create account table");
		assertOk(this.harness.run("history -r current:"), MERGE_LINE + "\n");
		assertThat(this.harness.run("history -r :current").lines()).hasSize(4);
		assertThat(this.harness.run("history -r 27c6:current").lines()).containsExactly(MERGE_LINE,
				"1975ea83b712 -> 27c6a30d7c24, add cart table");
		assertOk(this.harness.run("show current"), this.harness.run("show 53").out());
		assertThat(this.harness.run("show current").out()).startsWith("Rev: 53fffde5ad5 (head) (mergepoint)\n"
				+ "Merges: ae1027a6acf, 27c6a30d7c24\n" + "Path: classpath:command/diamond/53fffde5ad5_merge_heads.sql\n");
		CommandHarness.Result verbose = this.harness.run("current -v");
		assertThat(verbose.out()).startsWith("Current revision(s) for the test database:\nRev: 53fffde5ad5 (head)")
			.containsPattern("\nApplied: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(upgrade by " + db.user()
					+ ", \\d+ ms\\)\nPath: ");
		assertOk(this.harness.run("check"), "No pending revisions; database is at head(s) 53fffde5ad5 (head)\n");
		assertOk(this.harness.run("upgrade heads"), "Nothing to upgrade; database is at 53fffde5ad5 (head)\n");
	}

	@Test
	void downgradeFromTheMergeFollowsAlembic() {
		this.harness.run("upgrade heads");
		CommandHarness.Result ambiguous = this.harness.run("downgrade -1");
		assertThat(ambiguous.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(ambiguous.out()).isEmpty();
		assertThat(ambiguous.err()).startsWith("FAILED: ").contains("Ambiguous walk").contains("\nAction: ");
		CommandHarness.Result unmerge = this.harness.run("downgrade 27c6");
		assertThat(unmerge.status()).isEqualTo(ExitStatus.OK);
		assertThat(unmerge.out())
			.matches("Downgraded 1 revision\\(s\\) in \\d+ ms; database is at 27c6a30d7c24, ae1027a6acf\n");
		assertOk(this.harness.run("current"), "27c6a30d7c24\nae1027a6acf\n");
		CommandHarness.Result base = this.harness.run("downgrade base");
		assertThat(base.out()).matches("Downgraded 3 revision\\(s\\) in \\d+ ms; database is at base\n");
		assertOk(this.harness.run("current"), "");
		assertThat(tableExists("account")).isFalse();
	}

	@Test
	void checkReportsPendingRevisionsUntilTheDatabaseIsAtTheHeads() {
		assertThat(this.harness.run("upgrade 1975").out()).contains("database is at 1975ea83b712\n");
		CommandHarness.Result check = this.harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.out()).isEqualTo("""
				Pending: 3 revision(s) not applied; database is at 1975ea83b712
				  27c6a30d7c24 (add cart table)
				  ae1027a6acf (add last transaction column)
				  53fffde5ad5 (merge heads)
				""");
		assertThat(this.harness.run("upgrade ae10").out()).contains("database is at ae1027a6acf\n");
		assertThat(this.harness.run("upgrade 27c6").out()).contains("database is at 27c6a30d7c24, ae1027a6acf\n");
		assertThat(tableExists("cart")).isTrue();
		assertThat(this.harness.run("check").out()).startsWith("Pending: 1 revision(s) not applied; database is at "
				+ "27c6a30d7c24, ae1027a6acf\n  53fffde5ad5 (merge heads)\n");
		assertThat(this.harness.run("upgrade head").out()).contains("database is at 53fffde5ad5 (head)\n");
		assertThat(this.harness.run("check").status()).isEqualTo(ExitStatus.OK);
	}

	@Test
	void stampMovesTheVersionTableOnlyAndPurgeClearsUnknownRevisions() {
		CommandHarness.Result stamp = this.harness.run("stamp ae10");
		assertThat(stamp.status()).isEqualTo(ExitStatus.OK);
		assertThat(stamp.out()).matches("Stamped the version table in \\d+ ms; database is at ae1027a6acf\n");
		assertThat(tableExists("account")).isFalse();
		db.execute("INSERT INTO " + this.schema + ".migrate_version VALUES ('garbage')");
		assertOk(this.harness.run("current"), "ae1027a6acf\ngarbage (unknown: not a revision of this build)\n");
		CommandHarness.Result check = this.harness.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.out()).contains("garbage").doesNotContain("No pending");
		assertThat(check.lines()).allSatisfy((line) -> assertThat(line).isNotBlank());
		CommandHarness.Result plain = this.harness.run("stamp heads");
		assertThat(plain.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(plain.err()).startsWith("FAILED: ").contains("garbage");
		CommandHarness.Result purge = this.harness.run("stamp --purge heads");
		assertThat(purge.status()).isEqualTo(ExitStatus.OK);
		assertThat(purge.out()).endsWith("database is at 53fffde5ad5 (head)\n");
		assertOk(this.harness.run("current"), "53fffde5ad5 (head) (mergepoint)\n");
		assertThat(this.harness.run("stamp base").out())
			.matches("Stamped the version table in \\d+ ms; database is at base\n");
		assertOk(this.harness.run("current"), "");
	}

	@Test
	void rangesNeedSql() {
		CommandHarness.Result upgrade = this.harness.run("upgrade 1975:heads");
		assertThat(upgrade.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(upgrade.err()).startsWith("Range revision not allowed: '1975:heads'");
		CommandHarness.Result downgrade = this.harness.run("downgrade base --sql");
		assertThat(downgrade.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(downgrade.err()).startsWith("downgrade with --sql requires <fromrev>:<torev>");
		assertThat(this.harness.run("stamp heads --purge --sql").status()).isEqualTo(ExitStatus.USAGE);
		assertThat(this.harness.run("history -r 1975").err())
			.startsWith("History range requires [start]:[end], [start]:, or :[end]");
		assertThat(schemaExists()).isFalse();
	}

	private static void assertOk(CommandHarness.Result result, String out) {
		assertThat(result.err()).isEmpty();
		assertThat(result.status()).isEqualTo(ExitStatus.OK);
		assertThat(result.out()).isEqualTo(out);
	}

	private boolean schemaExists() {
		return Queries.exists("SELECT 1 FROM pg_namespace WHERE nspname = '" + this.schema + "'");
	}

	private boolean tableExists(String table) {
		return Queries.exists("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + this.schema
				+ "' AND table_name = '" + table + "'");
	}

	/** Small read-only queries against the test database. */
	static final class Queries {

		static boolean exists(String sql) {
			try (var connection = db.connect(); var statement = connection.createStatement();
					var rs = statement.executeQuery(sql)) {
				return rs.next();
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
