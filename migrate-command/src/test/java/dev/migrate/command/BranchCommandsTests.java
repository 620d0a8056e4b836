package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read commands and history ranges on the example of Alembic's branches documentation:
 * the {@code shoppingcart} label, the {@code networking} base and its dependency on
 * {@code 55af2cb1c267}. Expected lines are those of the documentation.
 */
class BranchCommandsTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final String NETWORKING_HISTORY = """
			29f859a13ea (55af2cb1c267) -> 2a95102259be (networking) (head), add ip account table
			109ec7d132bf -> 29f859a13ea (networking), add DNS table
			3cac04ae8714 -> 109ec7d132bf (networking), add ip number table
			<base> -> 3cac04ae8714 (networking), create networking branch
			ae1027a6acf -> 55af2cb1c267 (effective head), add another account column
			1975ea83b712 -> ae1027a6acf, Add a column
			<base> -> 1975ea83b712 (branchpoint), create account table
			""";

	private CommandHarness harness;

	@BeforeEach
	void setUp() {
		this.harness = new CommandHarness(db.dataSource(), MigrateSettings.builder()
			.locations("classpath:command/branches")
			.schema(PostgresDatabase.uniqueName("br"))
			.instance("test")
			.build());
	}

	@Test
	void historyShowsLabelsDependenciesAndEffectiveHeads() {
		assertOk(this.harness.run("history -r :networking@head"), NETWORKING_HISTORY);
		assertOk(this.harness.run("history -r shoppingcart:"), """
				27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column
				1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table
				""");
		assertOk(this.harness.run("history -r :shoppingcart@head"), """
				27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column
				1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table
				<base> -> 1975ea83b712 (branchpoint), create account table
				""");
		// from the branch's base: the branch and what it depends on
		assertOk(this.harness.run("history -r networking@base:"), NETWORKING_HISTORY);
	}

	@Test
	void historyRangesCountFromTheHeadsAndRefuseUnrelatedEnds() {
		assertOk(this.harness.run("history -r -1:"), """
				29f859a13ea (55af2cb1c267) -> 2a95102259be (networking) (head), add ip account table
				109ec7d132bf -> 29f859a13ea (networking), add DNS table
				27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add a shopping cart column
				1975ea83b712 -> 27c6a30d7c24 (shoppingcart), add shopping cart table
				""");
		// -2 counts from each head: 109ec7d132bf below 2a95102259be, 1975ea83b712 below d747a8a8879
		assertOk(this.harness.run("history -r -2:2a95"), """
				29f859a13ea (55af2cb1c267) -> 2a95102259be (networking) (head), add ip account table
				109ec7d132bf -> 29f859a13ea (networking), add DNS table
				3cac04ae8714 -> 109ec7d132bf (networking), add ip number table
				ae1027a6acf -> 55af2cb1c267 (effective head), add another account column
				1975ea83b712 -> ae1027a6acf, Add a column
				<base> -> 1975ea83b712 (branchpoint), create account table
				""");
		CommandHarness.Result unrelated = this.harness.run("history -r 27c6:ae10");
		assertThat(unrelated.status()).isNotEqualTo(ExitStatus.OK);
		assertThat(unrelated.out()).isEmpty();
		assertThat(unrelated.err()).contains("Requested range 27c6:ae10 does not refer to ancestor/descendant "
				+ "revisions along the same branch");
		CommandHarness.Result reversed = this.harness.run("history -r 2a95:29f8");
		assertThat(reversed.err()).contains("Requested range 2a95:29f8 does not refer");
	}

	@Test
	void headsBranchesAndShow() {
		assertOk(this.harness.run("heads"), """
				2a95102259be (networking) (head)
				55af2cb1c267 (effective head)
				d747a8a8879 (shoppingcart) (head)
				""");
		assertOk(this.harness.run("branches"), """
				1975ea83b712 (branchpoint)
				             -> 27c6a30d7c24 (shoppingcart)
				             -> ae1027a6acf

				""");
		assertThat(this.harness.run("show shoppingcart").out()).startsWith("""
				Rev: 27c6a30d7c24
				Parent: 1975ea83b712
				Branch names: shoppingcart
				Path: classpath:command/branches/27c6a30d7c24_add_shopping_cart_table.sql
				""");
		assertThat(this.harness.run("show networking@head").out()).startsWith("""
				Rev: 2a95102259be (head)
				Parent: 29f859a13ea
				Also depends on: 55af2cb1c267
				Branch names: networking
				""");
	}

	@Test
	void upgradeAndDowngradeByLabel() {
		assertThat(this.harness.run("upgrade networking@head").out()).contains("Upgraded 7 revision(s)");
		assertOk(this.harness.run("current"), "2a95102259be (head)\n");
		assertThat(this.harness.run("downgrade networking@base").status()).isEqualTo(ExitStatus.OK);
		assertOk(this.harness.run("current"), "55af2cb1c267 (effective head)\n");
		CommandHarness.Result bad = this.harness.run("upgrade networking@");
		assertThat(bad.err()).contains("Target 'networking@' is not valid: nothing comes after '@'");
	}

	@Test
	void checkListsPendingRevisionsOnePerLineUpToTen(@TempDir Path dir) throws IOException {
		for (int i = 0; i < 12; i++) {
			Files.writeString(dir.resolve("r" + i + "_step.sql"), "-- revision: r" + i + "\n-- down_revision: "
					+ ((i > 0) ? "r" + (i - 1) : "") + "\n-- message: step " + i + "\n\n-- upgrade\nSELECT 1;\n");
		}
		CommandHarness chain = new CommandHarness(db.dataSource(), MigrateSettings.builder()
			.locations("filesystem:" + dir)
			.schema(PostgresDatabase.uniqueName("ck"))
			.build());
		CommandHarness.Result check = chain.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.out().lines()).hasSize(12)
			.startsWith("Pending: 12 revision(s) not applied; database is at base", "  r0 (step 0)", "  r1 (step 1)")
			.endsWith("  r9 (step 9)", "  ... and 2 more (Migrator.pending(\"heads\") lists them all)");
	}

	@Test
	void upgradeHeadsMinusOneWithSeveralHeadsIsAmbiguousNotADowngrade() {
		CommandHarness.Result result = this.harness.run("upgrade heads-1");
		assertThat(result.status()).isNotEqualTo(ExitStatus.OK);
		assertThat(result.err()).contains("Ambiguous walk for 'heads-1': 'heads' names 2 revisions")
			.doesNotContain("downgrade");
	}

	private static void assertOk(CommandHarness.Result result, String out) {
		assertThat(result.err()).isEmpty();
		assertThat(result.status()).isEqualTo(ExitStatus.OK);
		assertThat(result.out()).isEqualTo(out);
	}

}
