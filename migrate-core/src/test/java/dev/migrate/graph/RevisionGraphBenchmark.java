package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.migrate.plan.Plan;
import dev.migrate.plan.Planner;
import dev.migrate.revision.Revision;

/**
 * Shows that building and validating a graph of 2,000 revisions, and planning over it, takes
 * milliseconds. A plain main, not a test: run it with
 * {@code java -cp migrate-core/target/classes:migrate-core/target/test-classes dev.migrate.graph.RevisionGraphBenchmark}.
 */
public final class RevisionGraphBenchmark {

	private RevisionGraphBenchmark() {
	}

	public static void main(String[] args) {
		List<Revision> revisions = revisions(2000);
		long sink = 0;
		for (int round = 0; round < 5; round++) {
			long buildNanos = 0;
			long planNanos = 0;
			int runs = 200;
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				RevisionGraph graph = RevisionGraph.of(revisions);
				long built = System.nanoTime();
				Plan up = new Planner(graph).upgrade(Set.of(), "heads");
				Plan down = new Planner(graph).downgrade(up.headsAfter(), "base");
				planNanos += System.nanoTime() - built;
				buildNanos += built - start;
				sink += up.steps().size() + down.steps().size();
			}
			System.out.printf("round %d: build+validate %.3f ms, plan upgrade heads + downgrade base %.3f ms "
					+ "(2,000 revisions, mean of %d)%n", round, buildNanos / 1e6 / runs, planNanos / 1e6 / runs, runs);
		}
		System.out.println("(steps planned: " + sink + ")");
	}

	/** A long chain with a short branch and merge every 100 revisions, shuffled. */
	static List<Revision> revisions(int count) {
		List<Revision> revisions = new ArrayList<>(count);
		revisions.add(TestRevisions.revision(id(0)));
		for (int i = 1; i < count; i++) {
			if (i % 100 == 50) {
				revisions.add(TestRevisions.revision(id(i), id(i - 2)));
			}
			else if (i % 100 == 51) {
				revisions.add(TestRevisions.revision(id(i), id(i - 1), id(i - 2)));
			}
			else {
				revisions.add(TestRevisions.revision(id(i), id(i - 1)));
			}
		}
		Collections.shuffle(revisions, new Random(7));
		return revisions;
	}

	private static String id(int i) {
		return Integer.toHexString(0x1000000 + i * 7919) + "abc";
	}

}
