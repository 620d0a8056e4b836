package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.revision.Revision;

import static dev.migrate.graph.TestRevisions.BASE;
import static dev.migrate.graph.TestRevisions.LEFT;
import static dev.migrate.graph.TestRevisions.MERGE;
import static dev.migrate.graph.TestRevisions.RIGHT;
import static dev.migrate.graph.TestRevisions.chain;
import static dev.migrate.graph.TestRevisions.diamond;
import static dev.migrate.graph.TestRevisions.fromSource;
import static dev.migrate.graph.TestRevisions.graph;
import static dev.migrate.graph.TestRevisions.resolve;
import static dev.migrate.graph.TestRevisions.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionGraphTests {

	@Test
	void diamondHasOneHeadOneBaseABranchPointAndAMergePoint() {
		RevisionGraph graph = graph(diamond());
		assertThat(graph.size()).isEqualTo(4);
		assertThat(graph.heads()).containsExactly(MERGE);
		assertThat(graph.bases()).containsExactly(BASE);
		assertThat(graph.children(BASE)).containsExactly(RIGHT, LEFT);
		assertThat(graph.isBranchPoint(BASE)).isTrue();
		assertThat(graph.isMergePoint(MERGE)).isTrue();
		assertThat(graph.isMergePoint(LEFT)).isFalse();
		assertThat(graph.isBranchPoint(LEFT)).isFalse();
		assertThat(graph.isHead(MERGE)).isTrue();
		assertThat(graph.isHead(LEFT)).isFalse();
	}

	@Test
	void revisionsAreInAlembicsOrderForTheMergesDownRevisions() {
		// the merge names (LEFT, RIGHT): Alembic walks down LEFT first, so RIGHT is applied first
		RevisionGraph graph = graph(diamond());
		assertThat(graph.revisions()).extracting(Revision::id).containsExactly(BASE, RIGHT, LEFT, MERGE);
	}

	@Test
	void orderDoesNotDependOnInputOrder() {
		List<Revision> revisions = new ArrayList<>(diamond());
		revisions.addAll(chain("b1", "b2", "b3"));
		revisions.add(revision("x", "b1"));
		List<String> expected = graph(revisions).revisions().stream().map(Revision::id).toList();
		Random random = new Random(42);
		for (int i = 0; i < 20; i++) {
			Collections.shuffle(revisions, random);
			assertThat(graph(revisions).revisions()).extracting(Revision::id).containsExactlyElementsOf(expected);
		}
		// Alembic's walk from the heads ranked by file name (53ff..., b3, x), reversed
		assertThat(expected).containsExactly("b1", BASE, "b2", "b3", "x", RIGHT, LEFT, MERGE);
	}

	@Test
	void multipleHeadsAndBasesAreSorted() {
		List<Revision> revisions = new ArrayList<>(TestRevisions.fork());
		revisions.add(revision("zz"));
		revisions.add(revision("aa"));
		RevisionGraph graph = graph(revisions);
		assertThat(graph.heads()).containsExactly(RIGHT, "aa", LEFT, "zz");
		assertThat(graph.bases()).containsExactly(BASE, "aa", "zz");
	}

	@Test
	void ancestorsAndDescendantsAreInclusiveAndOrdered() {
		RevisionGraph graph = graph(diamond());
		assertThat(graph.ancestors(List.of(MERGE))).containsExactly(BASE, RIGHT, LEFT, MERGE);
		assertThat(graph.ancestors(List.of(LEFT))).containsExactly(BASE, LEFT);
		assertThat(graph.ancestors(List.of())).isEmpty();
		assertThat(graph.descendants(List.of(RIGHT))).containsExactly(RIGHT, MERGE);
		assertThat(graph.descendants(List.of(BASE))).containsExactly(BASE, RIGHT, LEFT, MERGE);
		assertThat(graph.descendants(List.of(LEFT, RIGHT))).containsExactly(RIGHT, LEFT, MERGE);
	}

	@Test
	void getFindAndContains() {
		RevisionGraph graph = graph(diamond());
		assertThat(graph.get(LEFT).id()).isEqualTo(LEFT);
		assertThat(graph.find(LEFT)).isPresent();
		assertThat(graph.find("ae10")).isEmpty();
		assertThat(graph.contains(MERGE)).isTrue();
		assertThat(graph.contains("53ff")).isFalse();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> graph.get("ae10"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION))
			.withMessageStartingWith("Can't locate revision identified by 'ae10'");
	}

	@Test
	void emptyGraph() {
		RevisionGraph graph = RevisionGraph.of(List.of());
		assertThat(graph.size()).isZero();
		assertThat(graph.heads()).isEmpty();
		assertThat(graph.bases()).isEmpty();
		assertThat(graph.revisions()).isEmpty();
		assertThat(resolve(graph, "heads", Set.of())).isEmpty();
		assertThat(resolve(graph, "head", Set.of())).isEmpty();
	}

	@Test
	void duplicateIdNamesBothSources() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> graph(fromSource("abc", "classpath:db/revisions/abc_one.sql"),
					fromSource("abc", "java:com.example.Abc")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE_REVISION);
				assertThat(ex.description()).isEqualTo(
						"Revision id 'abc' is used by 2 revisions: classpath:db/revisions/abc_one.sql and java:com.example.Abc");
				assertThat(ex.action()).contains("new id");
			});
	}

	@Test
	void missingParentNamesChildSourceAndMissingId() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> graph(revision("a"), fromSource("b", "classpath:db/revisions/b_x.sql", "nope")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.MISSING_DOWN_REVISION);
				assertThat(ex.description()).isEqualTo(
						"Revision b (classpath:db/revisions/b_x.sql) has down_revision 'nope', but no revision 'nope' exists");
				assertThat(ex.action()).contains("Fix down_revision");
			});
	}

	@Test
	void selfLoop() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> graph(revision("a"), fromSource("b", "classpath:db/revisions/b_x.sql", "a", "b")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.CYCLE);
				assertThat(ex.description()).startsWith("Self-loop is detected in revisions (b)")
					.contains("b (classpath:db/revisions/b_x.sql) names itself as down_revision");
			});
	}

	@Test
	void threeCycleNamesEveryMemberInOrderWithSources() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> graph(revision("base"), revision("top", "c2"), revision("c3", "c2", "base"),
					revision("c1", "c3"), revision("c2", "c1")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.CYCLE);
				assertThat(ex.description()).isEqualTo("Cycle is detected in revisions (c1, c3, c2): "
						+ "c1 (classpath:db/revisions/c1_create_t.sql) has down_revision c3, "
						+ "c3 (classpath:db/revisions/c3_create_t.sql) has down_revision c2, "
						+ "c2 (classpath:db/revisions/c2_create_t.sql) has down_revision c1");
			});
	}

	@Test
	void cycleWithoutAnyBase() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> graph(revision("a", "b"), revision("b", "a")))
			.satisfies((ex) -> assertThat(ex.description()).startsWith("Cycle is detected in revisions (a, b): "));
	}

	@Test
	void downRevisionListedTwice() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> graph(revision("a"), revision("b", "a", "a")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT))
			.withMessageContaining("lists down revision 'a' twice");
	}

	@Test
	void largeGraphWithBranchesAndMerges() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(revision("r0000"));
		for (int i = 1; i < 2000; i++) {
			String id = String.format("r%04d", i);
			String parent = String.format("r%04d", i - 1);
			if (i % 100 == 50) {
				revisions.add(revision(id, String.format("r%04d", i - 2)));
			}
			else if (i % 100 == 51) {
				revisions.add(revision(id, parent, String.format("r%04d", i - 2)));
			}
			else {
				revisions.add(revision(id, parent));
			}
		}
		Collections.reverse(revisions);
		RevisionGraph graph = graph(revisions);
		assertThat(graph.heads()).containsExactly("r1999");
		assertThat(graph.ancestors(List.of("r1999"))).hasSize(2000);
		assertThat(graph.revisions().get(0).id()).isEqualTo("r0000");
		assertThat(graph.revisions().get(1999).id()).isEqualTo("r1999");
	}

}
