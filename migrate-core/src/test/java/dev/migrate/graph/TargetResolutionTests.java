package dev.migrate.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;

import static dev.migrate.graph.TestRevisions.BASE;
import static dev.migrate.graph.TestRevisions.LEFT;
import static dev.migrate.graph.TestRevisions.MERGE;
import static dev.migrate.graph.TestRevisions.RIGHT;
import static dev.migrate.graph.TestRevisions.chain;
import static dev.migrate.graph.TestRevisions.diamond;
import static dev.migrate.graph.TestRevisions.fork;
import static dev.migrate.graph.TestRevisions.graph;
import static dev.migrate.graph.TestRevisions.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetResolutionTests {

	private final RevisionGraph diamond = graph(diamond());

	private final RevisionGraph chain = graph(chain("a1", "b2", "c3", "d4"));

	@Test
	void symbols() {
		assertThat(resolve(this.diamond, "head", Set.of())).containsExactly(MERGE);
		assertThat(resolve(this.diamond, "heads", Set.of())).containsExactly(MERGE);
		assertThat(resolve(this.diamond, "base", Set.of(LEFT))).isEmpty();
		assertThat(resolve(graph(fork()), "heads", Set.of())).containsExactlyInAnyOrder(LEFT, RIGHT);
	}

	@Test
	void exactIdAndPrefixes() {
		assertThat(resolve(this.diamond, LEFT, Set.of())).containsExactly(LEFT);
		assertThat(resolve(this.diamond, "a", Set.of())).containsExactly(LEFT);
		assertThat(resolve(this.diamond, "5", Set.of())).containsExactly(MERGE);
		assertThat(this.diamond.lookup("27c6").id()).isEqualTo(RIGHT);
	}

	@Test
	void exactMatchWinsOverLongerIds() {
		RevisionGraph graph = graph(TestRevisions.revision("ab"), TestRevisions.revision("abc", "ab"));
		assertThat(resolve(graph, "ab", Set.of())).containsExactly("ab");
	}

	@Test
	void ambiguousPrefixListsCandidates() {
		RevisionGraph graph = graph(TestRevisions.revision("ae1027a6acf"), TestRevisions.revision("ae10ffff", "ae1027a6acf"),
				TestRevisions.revision("b", "ae10ffff"));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(graph, "ae10", Set.of()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.AMBIGUOUS_REVISION);
				assertThat(ex.description()).isEqualTo("Revision identifier 'ae10' is ambiguous: 2 revisions start "
						+ "with it: ae1027a6acf (classpath:db/revisions/ae1027a6acf_create_t.sql), "
						+ "ae10ffff (classpath:db/revisions/ae10ffff_create_t.sql)");
			});
	}

	@Test
	void unknownId() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.diamond, "ffff", Set.of()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION);
				assertThat(ex.description()).isEqualTo("Can't locate revision identified by 'ffff'");
			});
	}

	@Test
	void headWithSeveralHeadsListsThemAndSuggestsMerge() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(graph(fork()), "head", Set.of()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.MULTIPLE_HEADS);
				assertThat(ex.description()).startsWith(
						"Multiple head revisions are present for given argument 'head'; please specify a specific "
								+ "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for "
								+ "all heads.")
					.contains(RIGHT + " (classpath:db/revisions/" + RIGHT + "_create_t.sql), " + LEFT);
				assertThat(ex.action()).isEqualTo("Join the branches with a merge revision (the merge command of the migrate CLI or "
						+ "command mode, merging heads with the message \"merge heads\"), or use the target 'heads' to apply "
						+ "every branch");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new TargetResolver(RevisionGraph.of(fork()), TestVocabulary.INSTANCE).resolve("head", Set.of()))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("Join the branches with a merge revision "
					+ "(<Merge[message=merge heads, revisions=[heads]]>), or use the target 'heads' to apply every "
					+ "branch"));
	}

	@Test
	void relativeStepsOnAChain() {
		assertThat(resolve(this.chain, "+1", Set.of())).containsExactly("a1");
		assertThat(resolve(this.chain, "+2", Set.of("a1"))).containsExactly("c3");
		assertThat(resolve(this.chain, "-1", Set.of("c3"))).containsExactly("b2");
		assertThat(resolve(this.chain, "-3", Set.of("c3"))).isEmpty();
		assertThat(resolve(this.chain, "head-1", Set.of())).containsExactly("c3");
		assertThat(resolve(this.chain, "b2+2", Set.of())).containsExactly("d4");
		assertThat(resolve(this.chain, "c-2", Set.of())).containsExactly("a1");
		assertThat(resolve(this.chain, "base+1", Set.of())).containsExactly("a1");
		assertThat(resolve(this.chain, "heads-2", Set.of())).containsExactly("b2");
	}

	@Test
	void relativeStepPastTheEnds() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.chain, "+1", Set.of("d4")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.RELATIVE_OUT_OF_RANGE);
				assertThat(ex.description()).startsWith("Relative revision +1 didn't produce 1 migrations");
			});
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.chain, "-3", Set.of("b2")))
			.satisfies((ex) -> assertThat(ex.description()).startsWith("Relative revision -3 didn't produce 3 migrations"));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.chain, "head+1", Set.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RELATIVE_OUT_OF_RANGE));
	}

	@Test
	void downFromTheMergeIsAnAmbiguousWalk() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.diamond, "-1", Set.of(MERGE)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.AMBIGUOUS_WALK);
				assertThat(ex.description()).isEqualTo("Ambiguous walk for '-1' at " + MERGE
						+ " which is a merge point (down revisions " + LEFT + ", " + RIGHT + ")");
			});
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.diamond, "head-1", Set.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.AMBIGUOUS_WALK));
	}

	@Test
	void upFromTheBranchPointIsAnAmbiguousWalk() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.diamond, "base+2", Set.of()))
			.satisfies((ex) -> assertThat(ex.description()).isEqualTo("Ambiguous walk for 'base+2' at " + BASE
					+ " which is a branch point (children " + RIGHT + ", " + LEFT + ")"));
	}

	@Test
	void upIntoTheMergeIsNotAmbiguous() {
		assertThat(resolve(this.diamond, "ae10+1", Set.of())).containsExactly(MERGE);
	}

	@Test
	void bareRelativeFromSeveralHeadsIsAmbiguous() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> resolve(graph(diamond()), "+1", Set.of(LEFT, RIGHT)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.AMBIGUOUS_WALK);
				assertThat(ex.description()).startsWith("Ambiguous upgrade from multiple current revisions for '+1'");
			});
	}

	@Test
	void severalBasesMakeBasePlusOneAmbiguous() {
		RevisionGraph graph = graph(List.of(TestRevisions.revision("a"), TestRevisions.revision("b")));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(graph, "+1", Set.of()))
			.satisfies((ex) -> assertThat(ex.description()).contains("at base: there are several bases (a, b)"));
	}

	@Test
	void malformedTargets() {
		for (String target : List.of("", "  ", "a+", "a+x", "+0", "-1x", "head+-1")) {
			assertThatExceptionOfType(MigrateException.class).as(target)
				.isThrownBy(() -> resolve(this.chain, target, Set.of()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET));
		}
	}

	@Test
	void rangesAreRejectedAsTargets() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(this.chain, "a1:d4", Set.of()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET);
				assertThat(ex.description()).startsWith("Range revision not allowed");
			});
	}

	@Test
	void parsesRanges() {
		assertThat(TargetRange.parse("a1:head")).isEqualTo(new TargetRange("a1", "head"));
		assertThat(TargetRange.parse(":heads")).isEqualTo(new TargetRange(null, "heads"));
		assertThat(TargetRange.parse("53ff:1975").toString()).isEqualTo("53ff:1975");
		for (String range : List.of("a1", "a1:", "a:b:c")) {
			assertThatExceptionOfType(MigrateException.class).as(range)
				.isThrownBy(() -> TargetRange.parse(range))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET));
		}
	}

	@Test
	void parsesTargets() {
		assertThat(Target.parse("head-1")).isEqualTo(new Target("head-1", "head", -1));
		assertThat(Target.parse("+2")).isEqualTo(new Target("+2", null, 2));
		assertThat(Target.parse(" ae10 ")).isEqualTo(new Target("ae10", "ae10", 0));
		assertThat(Target.parse("+2").isFromCurrent()).isTrue();
	}

}
