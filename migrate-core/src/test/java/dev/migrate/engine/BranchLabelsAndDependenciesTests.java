package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The example of Alembic's branches documentation on PostgreSQL: the account lineage with the
 * {@code shoppingcart} branch label, the independent {@code networking} base, and the
 * cross-dependency of {@code 2a95102259be} on {@code 55af2cb1c267}. Upgrades run in the order
 * Alembic's documentation shows, so columns end up in the same order.
 */
class BranchLabelsAndDependenciesTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("bl");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"));
		add("1975ea83b712", "", "", "", "CREATE TABLE account (id int PRIMARY KEY, name text)", "DROP TABLE account");
		add("ae1027a6acf", "1975ea83b712", "", "", "ALTER TABLE account ADD COLUMN last_transaction_date timestamp",
				"ALTER TABLE account DROP COLUMN last_transaction_date");
		add("27c6a30d7c24", "1975ea83b712", "shoppingcart", "",
				"CREATE TABLE cart (id int); ALTER TABLE account ADD COLUMN cart_count int",
				"ALTER TABLE account DROP COLUMN cart_count; DROP TABLE cart");
		add("d747a8a8879", "27c6a30d7c24", "", "", "ALTER TABLE cart ADD COLUMN total numeric",
				"ALTER TABLE cart DROP COLUMN total");
		add("55af2cb1c267", "ae1027a6acf", "", "", "ALTER TABLE account ADD COLUMN status text",
				"ALTER TABLE account DROP COLUMN status");
		add("3cac04ae8714", "", "networking", "", "CREATE TABLE network (id int)", "DROP TABLE network");
		add("109ec7d132bf", "3cac04ae8714", "", "", "CREATE TABLE ip_number (id int)", "DROP TABLE ip_number");
		add("29f859a13ea", "109ec7d132bf", "", "", "CREATE TABLE dns (id int)", "DROP TABLE dns");
	}

	private void add(String id, String down, String labels, String dependsOn, String upgrade, String downgrade) {
		StringBuilder text = new StringBuilder("-- revision: " + id + "\n-- down_revision: " + down + "\n");
		if (!labels.isEmpty()) {
			text.append("-- branch_labels: ").append(labels).append('\n');
		}
		if (!dependsOn.isEmpty()) {
			text.append("-- depends_on: ").append(dependsOn).append('\n');
		}
		text.append("\n-- upgrade\n").append(upgrade).append(";\n\n-- downgrade\n").append(downgrade).append(";\n");
		this.revisions.write(id + "_rev.sql", text.toString());
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema).build());
	}

	private List<String> tables() {
		return Queries.column(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
				+ this.schema + "' AND table_name NOT LIKE 'migrate_%' ORDER BY 1");
	}

	private List<String> columns(String table) {
		return Queries.column(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
				+ this.schema + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
	}

	@Test
	void independentBaseThenHeadsRunsInAlembicsOrder() {
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("networking@head").completed()).containsExactly("3cac04ae8714", "109ec7d132bf",
				"29f859a13ea");
		// the order of Alembic's documentation ("upgrade heads" after the networking branch)
		assertThat(migrator.upgrade("heads").completed()).containsExactly("1975ea83b712", "27c6a30d7c24",
				"d747a8a8879", "ae1027a6acf", "55af2cb1c267");
		assertThat(columns("account")).containsExactly("id", "name", "cart_count", "last_transaction_date",
				"status");
		assertThat(migrator.current()).containsExactlyInAnyOrder("29f859a13ea", "d747a8a8879", "55af2cb1c267");
	}

	@Test
	void siblingsFromBaseRunInAlembicsOrderNotIdOrder() {
		this.revisions.remove("d747a8a8879").remove("55af2cb1c267");
		// Alembic's "Working with Explicit Branches": upgrade heads runs ae10 before 27c6
		assertThat(migrator().upgrade("1975ea83b712@heads").completed()).containsExactly("1975ea83b712",
				"ae1027a6acf", "27c6a30d7c24");
		assertThat(columns("account")).containsExactly("id", "name", "last_transaction_date", "cart_count");
	}

	@Test
	void dependencyIsAppliedFirstAndKeptWhenTheDependentBranchIsDowngraded() {
		add("2a95102259be", "29f859a13ea", "", "55af2cb1c267", "CREATE TABLE ip_account (id int)",
				"DROP TABLE ip_account");
		Migrator migrator = migrator();
		assertThat(migrator.graph().isMergePoint("2a95102259be")).isFalse();
		assertThat(migrator.graph().isEffectiveHead("55af2cb1c267")).isTrue();
		assertThat(migrator.upgrade("networking@head").completed()).containsExactly("1975ea83b712", "ae1027a6acf",
				"55af2cb1c267", "3cac04ae8714", "109ec7d132bf", "29f859a13ea", "2a95102259be");
		assertThat(migrator.current()).containsExactly("2a95102259be");
		assertThat(migrator.upgrade("heads").completed()).containsExactly("27c6a30d7c24", "d747a8a8879");
		assertThat(migrator.current()).containsExactlyInAnyOrder("2a95102259be", "d747a8a8879");

		assertThat(migrator.downgrade("networking@base").completed()).containsExactly("2a95102259be", "29f859a13ea",
				"109ec7d132bf", "3cac04ae8714");
		assertThat(migrator.current()).containsExactlyInAnyOrder("55af2cb1c267", "d747a8a8879");
		assertThat(tables()).containsExactly("account", "cart");

		migrator.upgrade("heads");
		// downgrading the dependency's side reverts its dependent first
		assertThat(migrator.downgrade("ae1027a6acf@1975ea83b712").completed()).containsExactly("2a95102259be",
				"55af2cb1c267", "ae1027a6acf");
		assertThat(migrator.current()).containsExactlyInAnyOrder("29f859a13ea", "d747a8a8879");
		assertThat(columns("account")).containsExactly("id", "name", "cart_count");
	}

	@Test
	void branchTargets() {
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("shoppingcart@head").completed()).containsExactly("1975ea83b712", "27c6a30d7c24",
				"d747a8a8879");
		assertThat(migrator.upgrade("ae10@+2").completed()).containsExactly("ae1027a6acf", "55af2cb1c267");
		assertThat(migrator.downgrade("shoppingcart@-1").completed()).containsExactly("d747a8a8879");
		assertThat(migrator.upgrade("27c6@+1").completed()).containsExactly("d747a8a8879");
		assertThat(migrator.downgrade("27c6@1975").completed()).containsExactly("d747a8a8879", "27c6a30d7c24");
		assertThat(migrator.current()).containsExactly("55af2cb1c267");
		assertThat(migrator.upgrade("ae10@head").completed()).isEmpty();
		assertThat(migrator.downgrade("ae10@head-1").completed()).containsExactly("55af2cb1c267");
		assertThat(migrator.downgrade("shoppingcart@base").completed()).containsExactly("ae1027a6acf",
				"1975ea83b712");
		assertThat(migrator.current()).isEmpty();
	}

	@Test
	void badBranchTargetsFailBeforeAnythingRuns() {
		Migrator migrator = migrator();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("ae10@"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET))
			.withMessageContaining("Target 'ae10@' is not valid: nothing comes after '@'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("billing@head"))
			.withMessageContaining("No such branch: 'billing'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("shoppingcart@ae10"))
			.withMessageContaining("Revision ae1027a6acf is not a member of branch 'shoppingcart'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("1975@head"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MULTIPLE_HEADS))
			.withMessageContaining("for given argument '1975@head'");
		assertThat(tables()).isEmpty();
	}

}
