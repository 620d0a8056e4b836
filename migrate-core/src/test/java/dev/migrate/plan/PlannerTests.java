package dev.migrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TestRevisions;
import dev.migrate.plan.VersionChange.Delete;
import dev.migrate.plan.VersionChange.Insert;
import dev.migrate.plan.VersionChange.Update;
import dev.migrate.revision.Revision;

import static dev.migrate.graph.TestRevisions.BASE;
import static dev.migrate.graph.TestRevisions.LEFT;
import static dev.migrate.graph.TestRevisions.MERGE;
import static dev.migrate.graph.TestRevisions.RIGHT;
import static dev.migrate.graph.TestRevisions.chain;
import static dev.migrate.graph.TestRevisions.diamond;
import static dev.migrate.graph.TestRevisions.fork;
import static dev.migrate.graph.TestRevisions.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlannerTests {

	private final RevisionGraph diamond = graph(diamond());

	private final RevisionGraph fork = graph(fork());

	private final RevisionGraph chain = graph(chain("a1", "b2", "c3", "d4"));

	// upgrade

	@Test
	void upgradeHeadsFromEmptyGivesTwoRows() {
		Plan plan = new Planner(this.fork).upgrade(Set.of(), "heads");
		assertThat(plan.steps()).extracting(Step::direction).containsOnly(Direction.UPGRADE);
		assertThat(ids(plan)).containsExactly(BASE, LEFT, RIGHT);
		assertThat(changes(plan)).containsExactly(List.of(new Insert(BASE)), List.of(new Update(BASE, LEFT)),
				List.of(new Insert(RIGHT)));
		assertThat(plan.headsBefore()).isEmpty();
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder(LEFT, RIGHT);
	}

	@Test
	void upgradeThroughTheMergeDeletesOneRowAndUpdatesTheOther() {
		Plan plan = new Planner(this.diamond).upgrade(Set.of(LEFT, RIGHT), "head");
		assertThat(ids(plan)).containsExactly(MERGE);
		assertThat(plan.steps().get(0).versionChanges()).containsExactly(new Delete(LEFT), new Update(RIGHT, MERGE));
		assertThat(plan.headsBefore()).containsExactlyInAnyOrder(LEFT, RIGHT);
		assertThat(plan.headsAfter()).containsExactly(MERGE);
		assertThat(plan.steps().get(0).describe())
			.isEqualTo("Running upgrade " + LEFT + ", " + RIGHT + " -> " + MERGE + ", create t_" + MERGE);
	}

	@Test
	void upgradeFromBaseDescribesLikeAlembic() {
		Plan plan = new Planner(this.diamond).upgrade(Set.of(), "heads");
		assertThat(ids(plan)).containsExactly(BASE, RIGHT, LEFT, MERGE);
		assertThat(plan.steps().get(0).describe()).isEqualTo("Running upgrade  -> " + BASE + ", create t_" + BASE);
		assertThat(plan.headsAfter()).containsExactly(MERGE);
	}

	@Test
	void upgradeHeadWithTwoHeadsFailsButHeadsWorks() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.fork).upgrade(Set.of(BASE), "head"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.MULTIPLE_HEADS);
				assertThat(ex.description()).contains(LEFT).contains(RIGHT);
				assertThat(ex.action()).isEqualTo("Join the branches with a merge revision (the merge command of the migrate CLI or "
						+ "command mode, merging heads with the message \"merge heads\"), or use the target 'heads' to apply "
						+ "every branch");
			});
		assertThat(new Planner(this.fork).upgrade(Set.of(BASE), "heads").headsAfter()).containsExactlyInAnyOrder(LEFT,
				RIGHT);
	}

	@Test
	void upgradeToASiblingBranchAddsARow() {
		Plan plan = new Planner(this.fork).upgrade(Set.of(LEFT), RIGHT.substring(0, 4));
		assertThat(ids(plan)).containsExactly(RIGHT);
		assertThat(changes(plan)).containsExactly(List.of(new Insert(RIGHT)));
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder(LEFT, RIGHT);
	}

	@Test
	void upgradeToOneSidePullsInTheOtherThroughTheMerge() {
		Plan plan = new Planner(this.diamond).upgrade(Set.of(LEFT), "ae10+1");
		assertThat(ids(plan)).containsExactly(RIGHT, MERGE);
		assertThat(changes(plan)).containsExactly(List.of(new Insert(RIGHT)),
				List.of(new Delete(LEFT), new Update(RIGHT, MERGE)));
		assertThat(plan.headsAfter()).containsExactly(MERGE);
	}

	@Test
	void upgradeWhenAtTargetOrAboveIsEmpty() {
		assertThat(new Planner(this.diamond).upgrade(Set.of(MERGE), "heads").isEmpty()).isTrue();
		Plan below = new Planner(this.diamond).upgrade(Set.of(MERGE), BASE);
		assertThat(below.isEmpty()).isTrue();
		assertThat(below.headsAfter()).containsExactly(MERGE);
	}

	@Test
	void relativeUpgradeOnAChain() {
		assertThat(ids(new Planner(this.chain).upgrade(Set.of(), "+2"))).containsExactly("a1", "b2");
		assertThat(ids(new Planner(this.chain).upgrade(Set.of("b2"), "+1"))).containsExactly("c3");
		assertThat(ids(new Planner(this.chain).upgrade(Set.of(), "head-1"))).containsExactly("a1", "b2", "c3");
		Plan plan = new Planner(this.chain).upgrade(Set.of("a1"), "a1+2");
		assertThat(changes(plan)).containsExactly(List.of(new Update("a1", "b2")), List.of(new Update("b2", "c3")));
	}

	@Test
	void relativeUpgradePastTheHeadOrTheWrongWayFails() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.chain).upgrade(Set.of("d4"), "+1"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.RELATIVE_OUT_OF_RANGE);
				assertThat(ex.description()).startsWith("Relative revision +1 didn't produce 1 migrations");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.chain).upgrade(Set.of("d4"), "-1"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.RELATIVE_OUT_OF_RANGE);
				assertThat(ex.description()).startsWith("Relative revision -1 didn't produce 1 migrations");
				assertThat(ex.action()).isEqualTo("Use downgrade -1 instead");
			});
	}

	@Test
	void rangeIsNotAnOnlineTarget() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.chain).upgrade(Set.of(), "a1:d4"))
			.satisfies((ex) -> assertThat(ex.description()).startsWith("Range revision not allowed"));
	}

	// current rows

	@Test
	void unknownRevisionInTheDatabase() {
		assertThat(unknownRevision(Vocabulary.java()))
			.isEqualTo("Deploy the newer version of the application; or, if the revision was removed on purpose, "
					+ "rewrite the version table with Migrator.stamp(List.of(\"<revision>\"), true); or start this "
					+ "version anyway with MigrateSettings.Builder.allowUnknownRevisions(true)");
		assertThat(unknownRevision(TestVocabulary.INSTANCE))
			.isEqualTo("Deploy the newer version of the application; or, if the revision was removed on purpose, "
					+ "rewrite the version table with <Stamp[targets=[<revision>], purge=true]>; or start this "
					+ "version anyway with <allow-unknown-revisions=true>");
	}

	private String unknownRevision(Vocabulary vocabulary) {
		RevisionGraph graph = RevisionGraph.of(diamond());
		MigrateException ex = catchThrowableOfType(MigrateException.class,
				() -> new Planner(graph, vocabulary).upgrade(Set.of("0123abcd"), "heads"));
		assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
		assertThat(ex.description()).isEqualTo("The database is at revision '0123abcd' which this build "
				+ "does not know; it was probably applied by a newer version of the application");
		return ex.action();
	}

	@Test
	void overlappingRows() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.diamond).downgrade(Set.of(BASE, LEFT), "base"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.OVERLAPPING_HEADS);
				assertThat(ex.description())
					.startsWith("Requested revision " + LEFT + " overlaps with other requested revisions " + BASE);
				assertThat(ex.action()).isEqualTo("Find out which revision the database schema is really at, then "
						+ "rewrite the version table with Migrator.stamp(List.of(\"<revision>\"), true)");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(RevisionGraph.of(diamond()), TestVocabulary.INSTANCE)
				.stamp(Set.of(BASE, LEFT), List.of("heads"), false))
			.satisfies((ex) -> assertThat(ex.action()).endsWith("with <Stamp[targets=[<revision>], purge=true]>"));
	}

	@Test
	void stampWithoutTargetsGivesAnExampleInTheCallersWords() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.diamond).stamp(Set.of(), List.of(), false))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo(
					"Give the revision the database is at, e.g. Migrator.stamp(List.of(\"heads\"), false)"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(RevisionGraph.of(diamond()), TestVocabulary.INSTANCE).stamp(Set.of(), List.of(),
					false))
			.satisfies((ex) -> assertThat(ex.action())
				.isEqualTo("Give the revision the database is at, e.g. <Stamp[targets=[heads], purge=false]>"));
	}

	// downgrade

	@Test
	void downgradeToOneBranchFromTheMergeLeavesTwoRows() {
		Plan plan = new Planner(this.diamond).downgrade(Set.of(MERGE), "27c6");
		assertThat(plan.steps()).extracting(Step::direction).containsOnly(Direction.DOWNGRADE);
		assertThat(ids(plan)).containsExactly(MERGE);
		assertThat(plan.steps().get(0).versionChanges()).containsExactly(new Insert(RIGHT), new Update(MERGE, LEFT));
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder(LEFT, RIGHT);
		assertThat(plan.steps().get(0).describe())
			.isEqualTo("Running downgrade " + MERGE + " -> " + LEFT + ", " + RIGHT + ", create t_" + MERGE);
	}

	@Test
	void downgradeToTheBaseFromTheMergeRunsThreeStepsAndLeavesOneRow() {
		Plan plan = new Planner(this.diamond).downgrade(Set.of(MERGE), "1975");
		assertThat(ids(plan)).containsExactly(MERGE, LEFT, RIGHT);
		assertThat(changes(plan)).containsExactly(List.of(new Insert(RIGHT), new Update(MERGE, LEFT)),
				List.of(new Delete(LEFT)), List.of(new Update(RIGHT, BASE)));
		assertThat(plan.headsAfter()).containsExactly(BASE);
	}

	@Test
	void downgradeMinusOneAtTheMergeIsAnAmbiguousWalk() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.diamond).downgrade(Set.of(MERGE), "-1"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.AMBIGUOUS_WALK);
				assertThat(ex.description()).startsWith("Ambiguous walk").contains("at " + MERGE + " which is a merge point");
			});
	}

	@Test
	void downgradeToBaseRemovesEverythingInReverse() {
		Plan plan = new Planner(this.chain).downgrade(Set.of("c3"), "base");
		assertThat(ids(plan)).containsExactly("c3", "b2", "a1");
		assertThat(changes(plan)).containsExactly(List.of(new Update("c3", "b2")), List.of(new Update("b2", "a1")),
				List.of(new Delete("a1")));
		assertThat(plan.headsAfter()).isEmpty();
		assertThat(plan.steps().get(2).describe()).isEqualTo("Running downgrade a1 -> , create t_a1");
	}

	@Test
	void downgradeBaseFromTwoBranches() {
		Plan plan = new Planner(this.fork).downgrade(Set.of(LEFT, RIGHT), "base");
		assertThat(ids(plan)).containsExactly(RIGHT, LEFT, BASE);
		assertThat(changes(plan)).containsExactly(List.of(new Delete(RIGHT)), List.of(new Update(LEFT, BASE)),
				List.of(new Delete(BASE)));
	}

	@Test
	void relativeDowngradeOnAChain() {
		Plan plan = new Planner(this.chain).downgrade(Set.of("c3"), "-1");
		assertThat(ids(plan)).containsExactly("c3");
		assertThat(plan.headsAfter()).containsExactly("b2");
		assertThat(ids(new Planner(this.chain).downgrade(Set.of("d4"), "head-2"))).containsExactly("d4", "c3");
		assertThat(new Planner(this.chain).downgrade(Set.of("b2"), "-2").headsAfter()).isEmpty();
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.chain).downgrade(Set.of("b2"), "-3"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RELATIVE_OUT_OF_RANGE));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.chain).downgrade(Set.of("b2"), "+1"))
			.satisfies((ex) -> assertThat(ex.description()).startsWith("Relative revision +1 didn't produce 1 migrations"));
	}

	@Test
	void downgradeToARevisionThatIsNotAppliedIsInvalid() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.fork).downgrade(Set.of(LEFT), "27c6"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET);
				assertThat(ex.description()).startsWith(
						"Destination 27c6 is not a valid downgrade target from current head(s) " + LEFT);
			});
	}

	@Test
	void downgradeToTheCurrentHeadIsEmpty() {
		assertThat(new Planner(this.chain).downgrade(Set.of("b2"), "b2").isEmpty()).isTrue();
	}

	@Test
	void downgradeThroughAnIrreversibleRevisionFailsBeforeAnything() {
		List<Revision> revisions = new ArrayList<>(chain("a1"));
		revisions.add(TestRevisions.irreversible("b2", "a1"));
		revisions.add(TestRevisions.revision("c3", "b2"));
		RevisionGraph graph = graph(revisions);
		assertThat(new Planner(graph).downgrade(Set.of("c3"), "-1").headsAfter()).containsExactly("b2");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(graph).downgrade(Set.of("c3"), "base"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.IRREVERSIBLE);
				assertThat(ex.description()).startsWith(
						"Revision b2 (classpath:db/revisions/b2_create_t.sql) cannot be downgraded: it has no "
								+ "'-- downgrade' section");
				assertThat(ex.action()).contains("Add a '-- downgrade' section to classpath:db/revisions/b2_create_t.sql");
			});
	}

	// stamp

	@Test
	void stampBaseDeletesEveryRow() {
		Plan plan = new Planner(this.fork).stamp(Set.of(LEFT, RIGHT), List.of("base"), false);
		assertThat(plan.steps()).extracting(Step::direction).containsOnly(Direction.STAMP);
		assertThat(changes(plan)).containsExactly(List.of(new Delete(LEFT)), List.of(new Delete(RIGHT)));
		assertThat(plan.headsAfter()).isEmpty();
		assertThat(plan.steps().get(0).revision()).isNull();
		assertThat(plan.steps().get(0).describe()).isEqualTo("Running stamp_revision " + LEFT + " -> ");
	}

	@Test
	void stampHeadFromEmptyAndFromTwoBranches() {
		Plan fromEmpty = new Planner(this.diamond).stamp(Set.of(), List.of("head"), false);
		assertThat(changes(fromEmpty)).containsExactly(List.of(new Insert(MERGE)));
		Plan fromBranches = new Planner(this.diamond).stamp(Set.of(LEFT, RIGHT), List.of("heads"), false);
		assertThat(changes(fromBranches)).containsExactly(List.of(new Delete(RIGHT), new Update(LEFT, MERGE)));
		assertThat(fromBranches.headsAfter()).containsExactly(MERGE);
		assertThat(fromBranches.steps().get(0).describe())
			.isEqualTo("Running stamp_revision " + RIGHT + ", " + LEFT + " -> " + MERGE);
	}

	@Test
	void stampDescendantMovesTheRowUp() {
		Plan plan = new Planner(this.chain).stamp(Set.of("a1"), List.of("c3"), false);
		assertThat(changes(plan)).containsExactly(List.of(new Update("a1", "c3")));
	}

	@Test
	void stampAncestorIsLossyUnlikeDowngrade() {
		Plan stamp = new Planner(this.diamond).stamp(Set.of(MERGE), List.of("27c6"), false);
		assertThat(changes(stamp)).containsExactly(List.of(new Update(MERGE, RIGHT)));
		assertThat(stamp.headsAfter()).containsExactly(RIGHT);
		assertThat(new Planner(this.diamond).downgrade(Set.of(MERGE), "27c6").headsAfter())
			.containsExactlyInAnyOrder(LEFT, RIGHT);
	}

	@Test
	void stampSiblingAddsARow() {
		Plan plan = new Planner(this.fork).stamp(Set.of(LEFT), List.of(RIGHT), false);
		assertThat(changes(plan)).containsExactly(List.of(new Insert(RIGHT)));
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder(LEFT, RIGHT);
	}

	@Test
	void stampWhatIsAlreadyThereIsEmpty() {
		assertThat(new Planner(this.diamond).stamp(Set.of(MERGE), List.of("heads"), false).isEmpty()).isTrue();
	}

	@Test
	void stampWithUnknownRowsNeedsPurge() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.diamond).stamp(Set.of("garbage"), List.of("heads"), false))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE));
		Plan plan = new Planner(this.diamond).stamp(Set.of("garbage", LEFT), List.of("heads"), true);
		assertThat(changes(plan)).containsExactly(List.of(new Delete(LEFT), new Delete("garbage")),
				List.of(new Insert(MERGE)));
		assertThat(plan.headsBefore()).containsExactlyInAnyOrder("garbage", LEFT);
		assertThat(plan.headsAfter()).containsExactly(MERGE);
	}

	@Test
	void stampPurgeBaseEmptiesTheTable() {
		Plan plan = new Planner(this.diamond).stamp(Set.of(BASE, LEFT), List.of("base"), true);
		assertThat(changes(plan)).containsExactly(List.of(new Delete(BASE), new Delete(LEFT)));
		assertThat(plan.headsAfter()).isEmpty();
	}

	@Test
	void stampSeveralBranchTargets() {
		Plan plan = new Planner(this.fork).stamp(Set.of(), List.of(LEFT, RIGHT), false);
		assertThat(changes(plan)).containsExactly(List.of(new Insert(LEFT)), List.of(new Insert(RIGHT)));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.fork).stamp(Set.of(), List.of(LEFT, BASE), false))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET));
	}

	// offline

	@Test
	void offlineUpgradeStartsFromBaseOrTheRangeStart() {
		assertThat(new Planner(this.diamond).offlineUpgrade("heads").headsBefore()).isEmpty();
		Plan plan = new Planner(this.diamond).offlineUpgrade("1975:heads");
		assertThat(plan.headsBefore()).containsExactly(BASE);
		assertThat(ids(plan)).containsExactly(RIGHT, LEFT, MERGE);
		assertThat(ids(new Planner(this.chain).offlineUpgrade(":b2"))).containsExactly("a1", "b2");
	}

	@Test
	void offlineDowngradeNeedsARange() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> new Planner(this.diamond).offlineDowngrade("base"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET);
				assertThat(ex.description()).startsWith("An offline downgrade requires <fromrev>:<torev>");
			});
		assertThat(ids(new Planner(this.diamond).offlineDowngrade(MERGE + ":" + BASE))).containsExactly(MERGE, LEFT,
				RIGHT);
	}

	@Test
	void offlineStamp() {
		assertThat(changes(new Planner(this.diamond).offlineStamp("heads"))).containsExactly(List.of(new Insert(MERGE)));
		assertThat(changes(new Planner(this.diamond).offlineStamp("1975:heads")))
			.containsExactly(List.of(new Update(BASE, MERGE)));
	}

	private static List<String> ids(Plan plan) {
		return plan.steps().stream().map((step) -> step.revision().id()).toList();
	}

	private static List<List<VersionChange>> changes(Plan plan) {
		return plan.steps().stream().map(Step::versionChanges).toList();
	}

}
