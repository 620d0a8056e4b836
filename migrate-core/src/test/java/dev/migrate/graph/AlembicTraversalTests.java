package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Planner;
import dev.migrate.plan.Step;

import static dev.migrate.graph.AlembicMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cases translated from Alembic's {@code tests/test_revision.py}: the order of revisions along
 * several branches ({@code _assert_iteration}), branch labels, {@code @} targets and
 * {@code depends_on}. Each map lists its revisions in the order Alembic's test yields them, which
 * is the order of their file names here.
 */
class AlembicTraversalTests {

	/**
	 * Alembic's {@code iterate_revisions(upper, lower)} for upgrades: the revisions needed from
	 * {@code lower} to {@code upper}, descendants first.
	 */
	private static List<String> iterate(RevisionGraph graph, List<String> upper, String lower, boolean inclusive,
			boolean implicitBase) {
		TargetResolver resolver = new TargetResolver(graph, Vocabulary.java());
		Set<String> targets = new LinkedHashSet<>();
		for (String target : upper) {
			targets.addAll(resolver.resolve(target, Set.of()));
		}
		if (lower != null && lower.contains("@")) {
			String label = lower.substring(0, lower.indexOf('@'));
			targets.removeIf((id) -> !graph.branchLabels(id).contains(label));
		}
		Set<String> lowerIds = (lower != null) ? resolver.resolve(lower, Set.of()) : Set.of();
		Set<String> needs = new LinkedHashSet<>(graph.ancestors(targets));
		needs.removeAll(graph.ancestors(lowerIds));
		if (inclusive) {
			needs.addAll(lowerIds);
		}
		if (!lowerIds.isEmpty() && !implicitBase) {
			needs.retainAll(graph.branchDescendants(lowerIds));
		}
		List<String> order = new ArrayList<>(graph.upgradeOrder(needs, targets));
		Collections.reverse(order);
		return order;
	}

	private static List<String> iterate(RevisionGraph graph, List<String> upper, String lower) {
		return iterate(graph, upper, lower, true, false);
	}

	private static List<String> downgrade(RevisionGraph graph, Set<String> current, String target) {
		Plan plan = new Planner(graph).downgrade(current, target);
		return plan.steps().stream().map((step) -> step.revision().id()).toList();
	}

	private static Set<String> resolve(RevisionGraph graph, String target, Set<String> current) {
		return new TargetResolver(graph, Vocabulary.java()).resolve(target, current);
	}

	@Test
	void diamond() {
		RevisionGraph graph = map().rev("a", "").rev("b1", "a").rev("b2", "a").rev("c", "b1, b2").rev("d", "c").graph();
		assertThat(iterate(graph, List.of("d"), "a")).containsExactly("d", "c", "b1", "b2", "a");
	}

	@Test
	void longShortBranch() {
		RevisionGraph graph = map().rev("a", "")
			.rev("b1", "a")
			.rev("b2", "a")
			.rev("c1", "b1")
			.rev("d11", "c1")
			.rev("d12", "c1")
			.graph();
		assertThat(iterate(graph, List.of("heads"), "base")).containsExactly("b2", "d11", "d12", "c1", "b1", "a");
		assertThat(new Planner(graph).upgrade(Set.of(), "heads").steps()).extracting((step) -> step.revision().id())
			.containsExactly("a", "b1", "c1", "d12", "d11", "b2");
	}

	private static RevisionGraph multipleBranch() {
		return map().rev("a", "")
			.rev("b1", "a")
			.rev("b2", "a")
			.rev("cb1", "b1")
			.rev("cb2", "b2")
			.rev("d1cb1", "cb1")
			.rev("d2cb1", "cb1")
			.rev("d1cb2", "cb2")
			.rev("d2cb2", "cb2")
			.rev("d3cb2", "cb2")
			.rev("d1d2cb2", "d1cb2, d2cb2")
			.graph();
	}

	@Test
	void multipleBranches() {
		RevisionGraph graph = multipleBranch();
		assertThat(iterate(graph, List.of("d1d2cb2"), "a")).containsExactly("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2",
				"a");
		assertThat(iterate(graph, List.of("d2cb2", "d3cb2"), "a")).containsExactly("d2cb2", "d3cb2", "cb2", "b2",
				"a");
		assertThat(iterate(graph, List.of("d3cb2"), "base")).containsExactly("d3cb2", "cb2", "b2", "a");
		assertThat(iterate(graph, List.of("d3cb2", "cb1"), "base")).containsExactly("cb1", "b1", "d3cb2", "cb2",
				"b2", "a");
		assertThat(iterate(graph, List.of("d1cb1", "d2cb2", "d3cb2"), "b2")).containsExactly("d2cb2", "d3cb2",
				"cb2", "b2");
	}

	private static RevisionGraph branchTravelling() {
		return map().rev("a1", "")
			.rev("a2", "a1")
			.rev("a3", "a2")
			.rev("b1", "a3")
			.rev("b2", "a3")
			.rev("cb1", "b1")
			.rev("cb2", "b2")
			.rev("db1", "cb1")
			.rev("db2", "cb2")
			.rev("e1b1", "db1")
			.rev("fe1b1", "e1b1")
			.rev("e2b1", "db1")
			.rev("e2b2", "db2")
			.rev("merge", "e2b1, e2b2")
			.graph();
	}

	@Test
	void branchTravellingFinishesEachBranchAtItsBranchPoint() {
		RevisionGraph graph = branchTravelling();
		assertThat(iterate(graph, List.of("merge", "fe1b1"), "a3")).containsExactly("fe1b1", "e1b1", "merge", "e2b1",
				"db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3");
		assertThat(iterate(graph, List.of("merge"), "a1")).containsExactly("merge", "e2b1", "db1", "cb1", "b1",
				"e2b2", "db2", "cb2", "b2", "a3", "a2", "a1");
		assertThat(iterate(graph, List.of("merge"), "b1")).containsExactly("merge", "e2b1", "db1", "cb1", "b1");
		assertThat(iterate(graph, List.of("merge"), "db1", true, true)).containsExactly("merge", "e2b1", "db1",
				"e2b2", "db2", "cb2", "b2");
		assertThat(iterate(graph, List.of("merge", "fe1b1"), "a1")).containsExactly("fe1b1", "e1b1", "merge",
				"e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1");
		assertThat(iterate(graph, List.of("e2b1", "b2", "fe1b1"), null, false, false)).containsExactly("b2",
				"fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1");
	}

	@Test
	void multipleBases() {
		RevisionGraph graph = map().rev("base1", "")
			.rev("base2", "")
			.rev("base3", "")
			.rev("a1a", "base1")
			.rev("a1b", "base1")
			.rev("a2", "base2")
			.rev("a3", "base3")
			.rev("b1a", "a1a")
			.rev("b1b", "a1b")
			.rev("b2", "a2")
			.rev("b3", "a3")
			.rev("c2", "b2")
			.rev("d2", "c2")
			.rev("mergeb3d2", "b3, d2")
			.graph();
		assertThat(iterate(graph, List.of("heads"), "base")).containsExactly("b1a", "a1a", "b1b", "a1b", "base1",
				"mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2");
		assertThat(iterate(graph, List.of("heads"), "c2", false, false)).containsExactly("mergeb3d2", "d2");
		assertThat(iterate(graph, List.of("heads"), "c2", true, true)).containsExactly("b1a", "a1a", "b1b", "a1b",
				"base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2");
		assertThat(iterate(graph, List.of("b3", "b2"), "base3", false, true)).containsExactly("b2", "a2", "base2",
				"b3", "a3");
	}

	private static RevisionGraph crossDependencyOneMap() {
		return map().rev("base1", "", "b_1", "")
			.rev("a1a", "base1")
			.rev("a1b", "base1")
			.rev("b1a", "a1a")
			.rev("b1b", "a1b", "", "a3")
			.rev("base2", "", "b_2", "")
			.rev("a2", "base2")
			.rev("b2", "a2")
			.rev("c2", "b2", "", "a3")
			.rev("d2", "c2")
			.rev("base3", "", "b_3", "")
			.rev("a3", "base3")
			.rev("b3", "a3")
			.graph();
	}

	@Test
	void crossDependencyOne() {
		RevisionGraph graph = crossDependencyOneMap();
		assertThat(graph.branchHeads()).containsExactlyInAnyOrder("b1a", "b1b", "d2", "b3");
		assertThat(graph.heads()).containsExactlyInAnyOrder("b1a", "b1b", "d2", "b3");
		assertThat(iterate(graph, List.of("heads"), "base")).containsExactly("b1a", "a1a", "b1b", "a1b", "base1", "d2",
				"c2", "b2", "a2", "base2", "b3", "a3", "base3");
		assertThat(iterate(graph, List.of("b_2@head"), "base")).containsExactly("d2", "c2", "b2", "a2", "base2", "a3",
				"base3");
		assertThat(iterate(graph, List.of("b_3@head"), "base")).containsExactly("b3", "a3", "base3");
		assertThat(iterate(graph, List.of("b1b@head"), "base")).containsExactly("b1b", "a1b", "base1", "a3", "base3");
		assertThat(iterate(graph, List.of("heads"), "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2",
				"a3", "base3");
		assertThat(iterate(graph, List.of("heads"), "b_3@base")).containsExactly("b3", "a3", "base3");
	}

	@Test
	void crossDependencyOneDowngrades() {
		RevisionGraph graph = crossDependencyOneMap();
		// the 2 branch relies on the 3 branch, but downgrading it leaves the 3 branch alone
		assertThat(downgrade(graph, Set.of("d2"), "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2");
		assertThat(downgrade(graph, Set.of("b3"), "base")).containsExactly("b3", "a3", "base3");
		assertThat(downgrade(graph, Set.of("b1b"), "b1b@base")).containsExactly("b1b", "a1b", "base1");
		Set<String> heads = Set.copyOf(graph.heads());
		assertThat(downgrade(graph, heads, "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2");
		// downgrading the 3 branch first reverts everything that depends on a3
		assertThat(downgrade(graph, heads, "b_3@base")).containsExactly("b1b", "d2", "c2", "b3", "a3", "base3");
	}

	@Test
	void crossDependencyTwo() {
		RevisionGraph graph = map().rev("base1", "", "b_1", "")
			.rev("a1", "base1")
			.rev("b1", "a1")
			.rev("c1", "b1")
			.rev("base2", "", "b_2", "b_1")
			.rev("a2", "base2")
			.rev("b2", "a2")
			.rev("c2", "b2")
			.rev("d2", "c2")
			.rev("base3", "", "b_3", "")
			.rev("a3", "base3")
			.rev("b3", "a3")
			.rev("c3", "b3", "", "b2")
			.rev("d3", "c3")
			.graph();
		assertThat(graph.heads()).containsExactlyInAnyOrder("c1", "d2", "d3");
		assertThat(iterate(graph, List.of("heads"), "base")).containsExactly("c1", "b1", "a1", "d2", "c2", "d3", "c3",
				"b3", "a3", "base3", "b2", "a2", "base2", "base1");
		assertThat(iterate(graph, List.of("b_2@head"), "base")).containsExactly("d2", "c2", "b2", "a2", "base2",
				"base1");
		assertThat(iterate(graph, List.of("b_3@head"), "base")).containsExactly("d3", "c3", "b3", "a3", "base3", "b2",
				"a2", "base2", "base1");
		assertThat(iterate(graph, List.of("b_1@head"), "base")).containsExactly("c1", "b1", "a1", "base1");
	}

	@Test
	void crossDependencyThree() {
		RevisionGraph graph = map().rev("base1", "")
			.rev("a1", "base1")
			.rev("b1", "a1")
			.rev("c2", "", "", "a1")
			.rev("c3", "c2")
			.graph();
		assertThat(iterate(graph, List.of("heads"), "base")).containsExactly("b1", "c3", "c2", "a1", "base1");
	}

	@Test
	void normalizedDownRevisions() {
		RevisionGraph graph = map().rev("a1", "")
			.rev("a2", "a1")
			.rev("a3", "a2")
			.rev("b1", "")
			.rev("b2", "b1", "", "a3")
			.rev("b3", "b2")
			.rev("b4", "b3", "", "a3")
			.rev("b5", "b4", "", "b4")
			.graph();
		assertThat(graph.dependencies("b4")).containsExactly("a3");
		assertThat(graph.downRevisionsAndDependencies("b4")).containsExactly("b3");
		assertThat(graph.downRevisionsAndDependencies("b5")).containsExactly("b4");
		assertThat(graph.downRevisionsAndDependencies("b2")).containsExactly("b1", "a3");
		assertThat(graph.heads()).containsExactly("b5");
		assertThat(graph.branchHeads()).containsExactly("a3", "b5");
		assertThat(graph.isEffectiveHead("a3")).isTrue();
		assertThat(graph.isMergePoint("b2")).isFalse();
		assertThat(downgrade(graph, Set.of("b5"), "base")).containsExactly("b5", "b4", "b3", "b2", "b1", "a3", "a2",
				"a1");
		assertThat(downgrade(graph, Set.of("b5"), "a2")).containsExactly("b5", "b4", "b3", "b2", "a3");
		assertThat(downgrade(graph, Set.of("b4"), "b1@base")).containsExactly("b4", "b3", "b2", "b1");
	}

	@Test
	void effectiveHeadDowngradeUsesEveryCurrentRevision() {
		RevisionGraph graph = map().rev("y1", "", "y", "")
			.rev("x1", "", "x", "")
			.rev("y2", "y1", "", "x1")
			.rev("x2", "x1")
			.graph();
		assertThat(downgrade(graph, Set.of("x2", "y2"), "x@-1")).containsExactly("x2");
		assertThat(downgrade(graph, Set.of("y2"), "x@-1")).containsExactly("y2", "x1");
	}

	// branch labels and @ targets

	private static RevisionGraph labelled() {
		return map().rev("a", "", "abranch", "")
			.rev("b", "a")
			.rev("somelongername", "b")
			.rev("c", "somelongername")
			.rev("d", "")
			.rev("e", "d", "ebranch", "")
			.rev("someothername", "e")
			.rev("f", "someothername")
			.graph();
	}

	@Test
	void branchAtSyntax() {
		RevisionGraph graph = labelled();
		assertThat(resolve(graph, "abranch@head", Set.of())).containsExactly("c");
		assertThat(resolve(graph, "abranch@heads", Set.of())).containsExactly("c");
		assertThat(resolve(graph, "abranch@base", Set.of())).isEmpty();
		assertThat(resolve(graph, "ebranch@head", Set.of())).containsExactly("f");
		assertThat(resolve(graph, "ebranch@d", Set.of())).containsExactly("d");
		assertThat(resolve(graph, "ebranch@ebranch", Set.of())).containsExactly("e");
		assertThat(resolve(graph, "abranch", Set.of())).containsExactly("a");
		assertThat(resolve(graph, "ebranch", Set.of())).containsExactly("e");
		assertThat(resolve(graph, "e", Set.of())).containsExactly("e");
		assertThat(resolve(graph, "ebranch@some", Set.of())).containsExactly("someothername");
		assertThat(resolve(graph, "abranch@some", Set.of())).containsExactly("somelongername");
		// a revision as the branch
		assertThat(resolve(graph, "e@d", Set.of())).containsExactly("d");
		assertThat(resolve(graph, "someoth@d", Set.of())).containsExactly("d");
		assertThat(resolve(graph, "b@head", Set.of())).containsExactly("c");
	}

	@Test
	void branchRelativeSteps() {
		RevisionGraph graph = labelled();
		assertThat(resolve(graph, "ebranch@-2", Set.of("c", "f"))).containsExactly("e");
		assertThat(resolve(graph, "ebranch@+2", Set.of())).containsExactly("e");
		assertThat(resolve(graph, "abranch@+1", Set.of("f"))).containsExactly("a");
		assertThat(resolve(graph, "ebranch@head-1", Set.of())).containsExactly("someothername");
		assertThat(resolve(graph, "somelong@+1", Set.of())).containsExactly("a");
		assertThat(resolve(graph, "a@+2", Set.of("b"))).containsExactly("c");
	}

	@Test
	void revisionNotInBranch() {
		RevisionGraph graph = labelled();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(graph, "ebranch@b", Set.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET))
			.withMessageStartingWith("Revision b is not a member of branch 'ebranch'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(graph, "abranch@d", Set.of()))
			.withMessageStartingWith("Revision d is not a member of branch 'abranch'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> resolve(graph, "x@d", Set.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION))
			.withMessageStartingWith("No such branch: 'x'");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> resolve(graph, "abranch@qprstuv", Set.of()))
			.withMessageStartingWith("Can't locate revision identified by 'qprstuv'");
	}

	@Test
	void malformedAtTargetsBlameTheSyntax() {
		RevisionGraph graph = labelled();
		for (String target : List.of("@head", "abranch@", "a@b@c", "abranch-1@head", "abranch@head-x", "a b@head")) {
			assertThatExceptionOfType(MigrateException.class).as(target)
				.isThrownBy(() -> resolve(graph, target, Set.of()))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET);
					assertThat(ex.description()).startsWith("Target '" + target.strip() + "' is not valid: ");
					assertThat(ex.description()).doesNotContain("Can't locate");
					assertThat(ex.action()).contains("<branch label or revision>@<target>");
				});
		}
	}

	@Test
	void labelsAreInheritedUpwardAndDownToTheLastBranchPoint() {
		RevisionGraph graph = labelled();
		assertThat(graph.branchLabels("f")).containsExactly("ebranch");
		assertThat(graph.branchLabels("someothername")).containsExactly("ebranch");
		assertThat(graph.branchLabels("d")).containsExactly("ebranch");
		assertThat(graph.branchLabels("c")).containsExactly("abranch");
		RevisionGraph branched = map().rev("a", "")
			.rev("b", "a")
			.rev("c1", "b", "c1branch", "")
			.rev("c2", "b")
			.rev("d", "c1, c2")
			.rev("e", "d")
			.graph();
		assertThat(branched.branchLabels("c1")).containsExactly("c1branch");
		assertThat(branched.branchLabels("d")).containsExactly("c1branch");
		assertThat(branched.branchLabels("e")).containsExactly("c1branch");
		assertThat(branched.branchLabels("b")).isEmpty();
		assertThat(branched.branchLabels("c2")).isEmpty();
		assertThat(resolve(branched, "c1branch@head", Set.of())).containsExactly("e");
		RevisionGraph chainBelowBranchPoint = map().rev("a", "")
			.rev("b1", "a")
			.rev("b2", "a")
			.rev("c", "b1")
			.rev("d", "c", "dbranch", "")
			.graph();
		assertThat(chainBelowBranchPoint.branchLabels("c")).containsExactly("dbranch");
		assertThat(chainBelowBranchPoint.branchLabels("b1")).containsExactly("dbranch");
		assertThat(chainBelowBranchPoint.branchLabels("a")).isEmpty();
	}

	@Test
	void duplicateBranchLabel() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> map().rev("a", "")
				.rev("b", "a")
				.rev("c", "b", "xy1", "")
				.rev("d", "")
				.rev("e", "d", "xy1", "")
				.graph())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT))
			.withMessageContaining("Branch name 'xy1' in revision e")
			.withMessageContaining("already used by revision c");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> map().rev("a", "").rev("b", "a", "a", "").graph())
			.withMessageContaining("Branch name 'a' in revision b");
	}

	@Test
	void dependencyErrors() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> map().rev("a", "").rev("b", "", "", "nope").graph())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MISSING_DOWN_REVISION))
			.withMessageContaining("has depends_on 'nope', but no revision or branch label 'nope' exists");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> map().rev("a", "", "", "c").rev("b", "a").rev("c", "b").graph())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CYCLE))
			.withMessageStartingWith("Dependency cycle is detected in revisions (a, c, b)")
			.withMessageContaining("a (classpath:db/revisions/000_a.sql) depends on c");
	}

	@Test
	void dependencyIsAppliedFirstAndItsRowIsReplaced() {
		RevisionGraph graph = map().rev("y1", "", "y", "").rev("x1", "", "x", "").rev("y2", "y1", "", "x").graph();
		Plan plan = new Planner(graph).upgrade(Set.of(), "y@head");
		assertThat(plan.steps()).extracting((step) -> step.revision().id()).containsExactly("x1", "y1", "y2");
		assertThat(plan.headsAfter()).containsExactly("y2");
		Plan fromY1 = new Planner(graph).upgrade(Set.of("y1", "x1"), "heads");
		assertThat(fromY1.steps()).extracting(Step::describe).containsExactly("Running upgrade y1 -> y2, create t_y2");
		assertThat(fromY1.headsAfter()).containsExactly("y2");
		// downgrading the dependent's branch keeps the dependency
		Plan down = new Planner(graph).downgrade(Set.of("y2"), "y@base");
		assertThat(down.steps()).extracting((step) -> step.revision().id()).containsExactly("y2", "y1");
		assertThat(down.headsAfter()).containsExactly("x1");
		// downgrading the dependency's branch takes the dependent with it
		Plan downX = new Planner(graph).downgrade(Set.of("y2"), "x@base");
		assertThat(downX.steps()).extracting((step) -> step.revision().id()).containsExactly("y2", "x1");
		assertThat(downX.headsAfter()).containsExactly("y1");
	}

	@Test
	void siblingOrderFollowsFileNamesNotIds() {
		// Alembic's documented example: shoppingcart and the account columns, files named by id
		RevisionGraph graph = map().rev("1975ea83b712", "")
			.rev("27c6a30d7c24", "1975ea83b712", "shoppingcart", "")
			.rev("55af2cb1c267", "ae1027a6acf")
			.rev("ae1027a6acf", "1975ea83b712")
			.rev("d747a8a8879", "27c6a30d7c24")
			.graph();
		assertThat(new Planner(graph).upgrade(Set.of(), "heads").steps()).extracting((step) -> step.revision().id())
			.containsExactly("1975ea83b712", "27c6a30d7c24", "d747a8a8879", "ae1027a6acf", "55af2cb1c267");
	}

}
