package dev.migrate.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import dev.migrate.graph.RevisionGraph.Node;

/**
 * Alembic's topological walk, which decides the order of sibling branches: starting from the
 * given heads ranked by file name, follow the first head down its branch, emitting each revision
 * once no other head still has it below; when a revision is below another head, switch to that
 * head first. The walk lists descendants before ancestors; upgrades run it reversed.
 */
final class AlembicSort {

	private AlembicSort() {
	}

	/**
	 * Walk down from heads through the revisions to order.
	 * @param byLoad the nodes by rank of file name
	 * @param todo ranks of the revisions to order; cleared as they are emitted
	 * @param startHeads where the walk starts; those not in {@code todo} are ignored
	 * @return the revisions emitted, descendants first
	 */
	static List<Node> walkDown(Node[] byLoad, BitSet todo, List<Node> startHeads) {
		List<Node> heads = new ArrayList<>();
		BitSet inHeads = new BitSet(byLoad.length);
		for (Node head : startHeads) {
			if (todo.get(head.load) && !inHeads.get(head.load)) {
				heads.add(head);
				inHeads.set(head.load);
			}
		}
		heads.sort(Comparator.comparingInt((Node node) -> node.load));
		List<BitSet> below = new ArrayList<>(heads.size());
		for (Node head : heads) {
			below.add(ancestors(head, byLoad.length));
		}
		List<Node> output = new ArrayList<>(todo.cardinality());
		int current = 0;
		while (!heads.isEmpty()) {
			Node candidate = heads.get(current);
			int above = -1;
			for (int i = 0; i < heads.size(); i++) {
				if (i != current && below.get(i).get(candidate.load)) {
					above = i;
					break;
				}
			}
			if (above >= 0) {
				current = above;
				continue;
			}
			if (todo.get(candidate.load)) {
				output.add(candidate);
				todo.clear(candidate.load);
			}
			List<Node> next = new ArrayList<>(candidate.down.length);
			for (Node down : candidate.down) {
				if (todo.get(down.load) && !inHeads.get(down.load)) {
					next.add(down);
				}
			}
			inHeads.clear(candidate.load);
			if (next.isEmpty()) {
				heads.remove(current);
				below.remove(current);
				current = Math.max(current - 1, 0);
			}
			else if (!candidate.hasNormalizedDependencies() && candidate.parents.length == 1) {
				heads.set(current, next.get(0));
				inHeads.set(next.get(0).load);
				below.get(current).clear(candidate.load);
			}
			else {
				heads.set(current, next.get(0));
				inHeads.set(next.get(0).load);
				below.set(current, ancestors(next.get(0), byLoad.length));
				for (Node other : next.subList(1, next.size())) {
					heads.add(other);
					inHeads.set(other.load);
					below.add(ancestors(other, byLoad.length));
				}
			}
		}
		return output;
	}

	/** The node and everything below it through down revisions and dependencies, by rank. */
	private static BitSet ancestors(Node node, int size) {
		BitSet seen = new BitSet(size);
		List<Node> stack = new ArrayList<>();
		stack.add(node);
		seen.set(node.load);
		while (!stack.isEmpty()) {
			Node at = stack.remove(stack.size() - 1);
			for (Node down : at.down) {
				if (!seen.get(down.load)) {
					seen.set(down.load);
					stack.add(down);
				}
			}
		}
		return seen;
	}

}
