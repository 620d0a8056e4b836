package dev.migrate.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TestRevisions;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Planner;
import dev.migrate.revision.Revision;
import dev.migrate.table.TableNames;

import static dev.migrate.graph.TestRevisions.BASE;
import static dev.migrate.graph.TestRevisions.LEFT;
import static dev.migrate.graph.TestRevisions.MERGE;
import static dev.migrate.graph.TestRevisions.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares rendered scripts with the files under {@code src/test/resources/offline/}. On a
 * mismatch the actual script is written to {@code target/offline-actual/} for review.
 */
class OfflineSqlRendererTests {

	private static final TableNames NAMES = TableNames.of(null, "migrate_version", "migrate_history");

	private final RevisionGraph graph = RevisionGraph.of(List.of(
			TestRevisions.sqlRevision(BASE, "create account table", true,
					List.of("CREATE TABLE account (\n    id bigserial PRIMARY KEY,\n    name varchar(50) NOT NULL\n)"),
					List.of("DROP TABLE account")),
			TestRevisions.sqlRevision(LEFT, "add last transaction column", true,
					List.of("ALTER TABLE account ADD COLUMN last_tx timestamptz",
							"COMMENT ON COLUMN account.last_tx IS 'when it''s last used' -- shown in psql \\d+"),
					List.of("ALTER TABLE account DROP COLUMN last_tx"), BASE),
			TestRevisions.sqlRevision(RIGHT, "index account names", false,
					List.of("DROP INDEX CONCURRENTLY IF EXISTS ix_account_name",
							"CREATE INDEX CONCURRENTLY ix_account_name ON account (name)"),
					List.of("DROP INDEX CONCURRENTLY IF EXISTS ix_account_name"), BASE),
			TestRevisions.sqlRevision(MERGE, "merge heads", true, List.of(), List.of(), LEFT, RIGHT)));

	@Test
	void upgradeFromBaseWithATransactionPerRevision() {
		Plan plan = new Planner(this.graph).offlineUpgrade("heads");
		assertSnapshot("upgrade-heads.sql", new OfflineSqlRenderer(NAMES).render(plan));
	}

	@Test
	void upgradeFromBaseInOneTransaction() {
		Plan plan = new Planner(this.graph).offlineUpgrade("heads");
		assertSnapshot("upgrade-heads-single-transaction.sql", new OfflineSqlRenderer(NAMES, true).render(plan));
	}

	@Test
	void downgradeRange() {
		Plan plan = new Planner(this.graph).offlineDowngrade("53ff:1975");
		assertSnapshot("downgrade-merge-to-base.sql", new OfflineSqlRenderer(NAMES).render(plan));
	}

	@Test
	void stampInAnotherSchemaAndTable() {
		Plan plan = new Planner(this.graph).offlineStamp("heads");
		TableNames names = TableNames.of("ops", "alembic_version", "migrate_history");
		assertSnapshot("stamp-heads-schema.sql", new OfflineSqlRenderer(names).render(plan));
	}

	@Test
	void upgradeFromARangeStartDoesNotCreateTables() {
		String script = new OfflineSqlRenderer(NAMES).render(new Planner(this.graph).offlineUpgrade("ae10:heads"));
		assertThat(script).doesNotContain("CREATE TABLE").startsWith("-- Running upgrade 1975ea83b712 -> 27c6a30d7c24");
	}

	@Test
	void emptyPlan() {
		String script = new OfflineSqlRenderer(NAMES).render(new Planner(this.graph).upgrade(Set.of(MERGE), "heads"));
		assertThat(script).isEqualTo("-- Nothing to do: the plan has no steps\n");
	}

	@Test
	void outputIsDeterministic() {
		String first = new OfflineSqlRenderer(NAMES).render(new Planner(this.graph).offlineUpgrade("heads"));
		List<Revision> reversed = new ArrayList<>(this.graph.revisions());
		Collections.reverse(reversed);
		String second = new OfflineSqlRenderer(NAMES)
			.render(new Planner(RevisionGraph.of(reversed)).offlineUpgrade("heads"));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void javaRevisionCannotBeRenderedAndNothingIsRendered() {
		RevisionGraph graph = RevisionGraph.of(List.of(TestRevisions.revision("a1"),
				TestRevisions.javaRevision("b2", new TestRevisions.NoOpJavaRevision(), "a1")));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new OfflineSqlRenderer(NAMES).render(new Planner(graph).offlineUpgrade("heads")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.OFFLINE_UNSUPPORTED);
				assertThat(ex.description()).isEqualTo("Revision b2 is a Java revision ("
						+ TestRevisions.NoOpJavaRevision.class.getName() + ") and cannot be rendered as offline SQL");
			});
		assertThat(new OfflineSqlRenderer(NAMES).render(new Planner(graph).offlineUpgrade("a1"))).contains("t_a1");
	}

	@Test
	void semicolonGoesOnItsOwnLineAfterATrailingComment() {
		assertThat(OfflineSqlRenderer.terminate("SELECT 1  \n")).isEqualTo("SELECT 1;");
		assertThat(OfflineSqlRenderer.terminate("SELECT 1 -- one")).isEqualTo("SELECT 1 -- one\n;");
		assertThat(OfflineSqlRenderer.terminate("SELECT 1 -- one\nFROM t")).isEqualTo("SELECT 1 -- one\nFROM t;");
	}

	private static void assertSnapshot(String name, String actual) {
		String expected = read("offline/" + name);
		if (!actual.equals(expected)) {
			Path path = Path.of("target", "offline-actual", name);
			try {
				Files.createDirectories(path.getParent());
				Files.writeString(path, actual, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			if (expected == null) {
				fail("Missing snapshot src/test/resources/offline/" + name + " (actual in " + path.toAbsolutePath() + ")");
			}
			assertThat(actual).as("rendered script differs from src/test/resources/offline/%s (actual in %s)", name,
					path.toAbsolutePath()).isEqualTo(expected);
		}
	}

	private static String read(String resource) {
		try (InputStream in = OfflineSqlRendererTests.class.getClassLoader().getResourceAsStream(resource)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
