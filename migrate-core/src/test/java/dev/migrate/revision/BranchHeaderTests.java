package dev.migrate.revision;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.RevisionInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code branch_labels} and {@code depends_on} header lines of SQL revisions, and their
 * {@link RevisionInfo} equivalents.
 */
class BranchHeaderTests {

	private static final String FILE = "2a95102259be_add_ip_account_table.sql";

	private static Revision parse(String header) {
		return RevisionLoader.parse(FILE, "filesystem:/r/" + FILE,
				"-- revision: 2a95102259be\n-- down_revision: 29f859a13ea\n" + header + "\n\n-- upgrade\nSELECT 1;\n");
	}

	@Test
	void readsCommaSeparatedLabelsAndDependencies() {
		Revision revision = parse("-- branch_labels: networking, net\n-- depends_on: 55af2cb1c267, shoppingcart");
		assertThat(revision.branchLabels()).containsExactly("networking", "net");
		assertThat(revision.dependsOn()).containsExactly("55af2cb1c267", "shoppingcart");
		assertThat(revision.fileName()).isEqualTo(FILE);
	}

	@Test
	void emptyOrMissingKeysMeanNone() {
		Revision revision = parse("-- branch_labels:\n-- depends_on:");
		assertThat(revision.branchLabels()).isEmpty();
		assertThat(revision.dependsOn()).isEmpty();
		assertThat(parse("-- message: x").dependsOn()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			-- branch_labels: a,,b            | line 3: branch_labels 'a,,b' has an empty entry
			-- branch_labels: net@work        | line 3: branch label 'net@work' contains '@'
			-- branch_labels: head            | line 3: branch label 'head' is a reserved word of the target syntax
			-- branch_labels: current         | line 3: branch label 'current' is a reserved word of the target syntax
			-- branch_labels: net, net        | line 3: branch_labels lists 'net' twice
			-- depends_on: 55af 2cb           | line 3: depends_on entry '55af 2cb' contains whitespace
			-- depends_on: 2a95102259be       | line 3: revision '2a95102259be' depends on itself
			-- depends_on: 29f859a13ea        | line 3: '29f859a13ea' is both a down revision and a dependency
			-- depends_on: a, a               | line 3: depends_on lists 'a' twice
			-- branch_label: net              | line 3: unknown header key 'branch_label'; did you mean 'branch_labels'?
			-- depends-on: a                  | line 3: unknown header key 'depends-on'; did you mean 'depends_on'?
			""")
	void badValuesNameTheLine(String header, String expected) {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> parse(header))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
				assertThat(ex.description()).isEqualTo("filesystem:/r/" + FILE + " " + expected);
			});
	}

	@Test
	void javaRevisionsDeclareLabelsAndDependencies() {
		Revision revision = JavaRevisions.toRevision(new Labelled());
		assertThat(revision.branchLabels()).containsExactly("backfill");
		assertThat(revision.dependsOn()).containsExactly("55af2cb1c267");
		assertThat(revision.fileName()).isEqualTo("3c1a");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> JavaRevisions.toRevision(new BadLabel()))
			.withMessageContaining("@RevisionInfo branchLabels 'a:b' contains ':'");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> JavaRevisions.toRevision(new DependsOnParent()))
			.withMessageContaining("@RevisionInfo dependsOn '1975' is also a down revision");
	}

	@RevisionInfo(id = "3c1a", downRevision = "1975", branchLabels = "backfill", dependsOn = "55af2cb1c267")
	static class Labelled implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	@RevisionInfo(id = "3c1b", branchLabels = "a:b")
	static class BadLabel implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	@RevisionInfo(id = "3c1c", downRevision = "1975", dependsOn = "1975")
	static class DependsOnParent implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

}
