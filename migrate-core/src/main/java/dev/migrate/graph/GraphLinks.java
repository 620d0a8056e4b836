package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionGraph.Node;

/**
 * Links the nodes of a {@link RevisionGraph} while it is built: resolves down revisions and
 * dependencies, checks for cycles, normalizes dependencies and spreads branch labels.
 */
final class GraphLinks {

	private static final Node[] NONE = new Node[0];

	private GraphLinks() {
	}

	/**
	 * Resolve every node's down revisions and dependencies, and fill in children and dependents.
	 */
	static void link(Map<String, Node> byId, Map<String, Node> byLabel) {
		List<String> missing = new ArrayList<>();
		List<Node> selfLoops = new ArrayList<>();
		for (Node node : byId.values()) {
			List<String> downRevisions = node.revision.downRevisions();
			Node[] parents = new Node[downRevisions.size()];
			for (int i = 0; i < parents.length; i++) {
				String parentId = downRevisions.get(i);
				if (downRevisions.indexOf(parentId) != i) {
					throw new MigrateException(ErrorCode.REVISION_FORMAT,
							"Revision " + node.id() + " (" + node.source() + ") lists down revision '" + parentId
									+ "' twice",
							"Name each down revision once in " + node.source());
				}
				if (parentId.equals(node.id())) {
					selfLoops.add(node);
				}
				parents[i] = byId.get(parentId);
				if (parents[i] == null) {
					missing.add("Revision " + node.id() + " (" + node.source() + ") has down_revision '" + parentId
							+ "', but no revision '" + parentId + "' exists");
				}
			}
			node.parents = parents;
			Set<Node> dependencies = new LinkedHashSet<>();
			for (String name : node.revision.dependsOn()) {
				Node dependency = byId.get(name);
				if (dependency == null) {
					dependency = byLabel.get(name);
				}
				if (dependency == null) {
					missing.add("Revision " + node.id() + " (" + node.source() + ") has depends_on '" + name
							+ "', but no revision or branch label '" + name + "' exists");
				}
				else if (dependency == node) {
					selfLoops.add(node);
				}
				else if (!Arrays.asList(parents).contains(dependency)) {
					dependencies.add(dependency);
				}
			}
			node.dependencies = dependencies.toArray(NONE);
		}
		if (!selfLoops.isEmpty()) {
			throw selfLoops(selfLoops);
		}
		if (!missing.isEmpty()) {
			Collections.sort(missing);
			throw new MigrateException(ErrorCode.MISSING_DOWN_REVISION, String.join("\n", missing),
					"Fix down_revision (or depends_on) to name an existing revision (leave down_revision empty to "
							+ "start a new base), or add the missing revision file");
		}
		Map<Node, List<Node>> children = new HashMap<>();
		Map<Node, List<Node>> dependents = new HashMap<>();
		for (Node node : byId.values()) {
			for (Node parent : node.parents) {
				children.computeIfAbsent(parent, (key) -> new ArrayList<>(1)).add(node);
			}
			for (Node dependency : node.dependencies) {
				dependents.computeIfAbsent(dependency, (key) -> new ArrayList<>(1)).add(node);
			}
		}
		Comparator<Node> byId2 = Comparator.comparing(Node::id);
		children.forEach((node, list) -> {
			list.sort(byId2);
			node.children = list.toArray(NONE);
		});
		dependents.forEach((node, list) -> {
			list.sort(byId2);
			node.dependents = list.toArray(NONE);
		});
	}

	private static MigrateException selfLoops(List<Node> selfLoops) {
		selfLoops.sort(Comparator.comparing(Node::id));
		boolean dependency = selfLoops.stream().noneMatch((node) -> node.revision.downRevisions().contains(node.id()));
		return new MigrateException(ErrorCode.CYCLE,
				(dependency ? "Dependency self-loop" : "Self-loop") + " is detected in revisions ("
						+ selfLoops.stream().map(Node::id).collect(Collectors.joining(", ")) + "): "
						+ selfLoops.stream()
							.map((node) -> node.id() + " (" + node.source() + ") names itself as "
									+ (node.revision.downRevisions().contains(node.id()) ? "down_revision"
											: "a dependency"))
							.collect(Collectors.joining("; ")),
				"Fix down_revision or depends_on in "
						+ selfLoops.stream().map(Node::source).collect(Collectors.joining(", "))
						+ " to name the revisions it builds on");
	}

	/** Kahn's algorithm over down revisions and dependencies; reports a cycle it leaves. */
	static void checkAcyclic(Node[] nodes) {
		List<Node> ready = new ArrayList<>();
		for (Node node : nodes) {
			node.pending = node.parents.length + node.dependencies.length;
			if (node.pending == 0) {
				ready.add(node);
			}
		}
		int sorted = 0;
		while (!ready.isEmpty()) {
			Node node = ready.remove(ready.size() - 1);
			sorted++;
			for (Node[] above : new Node[][] { node.children, node.dependents }) {
				for (Node next : above) {
					if (--next.pending == 0) {
						ready.add(next);
					}
				}
			}
		}
		if (sorted < nodes.length) {
			Set<Node> unsorted = new HashSet<>();
			for (Node node : nodes) {
				if (node.pending > 0) {
					unsorted.add(node);
				}
			}
			throw cycle(unsorted);
		}
	}

	/**
	 * Every node left unsorted has a parent or dependency left unsorted, so following them from
	 * any of them must come back to a node already seen: that loop is a cycle.
	 */
	private static MigrateException cycle(Set<Node> unsorted) {
		Node start = unsorted.stream().min(Comparator.comparing(Node::id)).orElseThrow();
		Map<Node, Integer> seen = new HashMap<>();
		List<Node> path = new ArrayList<>();
		Node node = start;
		while (!seen.containsKey(node)) {
			seen.put(node, path.size());
			path.add(node);
			node = below(node).stream().filter(unsorted::contains).min(Comparator.comparing(Node::id)).orElseThrow();
		}
		List<Node> cycle = new ArrayList<>(path.subList(seen.get(node), path.size()));
		int smallest = 0;
		for (int i = 1; i < cycle.size(); i++) {
			if (cycle.get(i).id().compareTo(cycle.get(smallest).id()) < 0) {
				smallest = i;
			}
		}
		Collections.rotate(cycle, -smallest);
		boolean dependency = false;
		StringBuilder edges = new StringBuilder();
		for (int i = 0; i < cycle.size(); i++) {
			Node member = cycle.get(i);
			Node next = cycle.get((i + 1) % cycle.size());
			boolean parent = Arrays.asList(member.parents).contains(next);
			dependency |= !parent;
			if (i > 0) {
				edges.append(", ");
			}
			edges.append(member.id())
				.append(" (")
				.append(member.source())
				.append(parent ? ") has down_revision " : ") depends on ")
				.append(next.id());
		}
		return new MigrateException(ErrorCode.CYCLE,
				(dependency ? "Dependency cycle" : "Cycle") + " is detected in revisions ("
						+ cycle.stream().map(Node::id).collect(Collectors.joining(", ")) + "): " + edges,
				"Break the cycle by fixing down_revision" + (dependency ? " or depends_on" : "")
						+ " in one of these files; they must point to older revisions");
	}

	private static List<Node> below(Node node) {
		List<Node> below = new ArrayList<>(Arrays.asList(node.parents));
		below.addAll(Arrays.asList(node.dependencies));
		return below;
	}

	/**
	 * Set each node's {@code down}: its parents, then the dependencies that no revision below it
	 * (through down revisions) already depends on.
	 */
	static void normalizeDependencies(Node[] nodes) {
		for (Node node : nodes) {
			if (node.dependencies.length == 0) {
				node.down = node.parents;
				continue;
			}
			Set<Node> kept = new LinkedHashSet<>(Arrays.asList(node.dependencies));
			Set<Node> seen = new HashSet<>();
			List<Node> stack = new ArrayList<>(Arrays.asList(node.parents));
			while (!stack.isEmpty() && !kept.isEmpty()) {
				Node ancestor = stack.remove(stack.size() - 1);
				if (seen.add(ancestor)) {
					kept.removeAll(Arrays.asList(ancestor.dependencies));
					stack.addAll(Arrays.asList(ancestor.parents));
				}
			}
			List<Node> down = new ArrayList<>(Arrays.asList(node.parents));
			down.addAll(kept);
			node.down = down.toArray(NONE);
		}
	}

	/**
	 * Spread branch labels as Alembic does: every revision built on a labelled revision gets its
	 * labels; when nothing above it branches (counting dependents) or merges, so do the
	 * revisions below it down to the previous branch point or merge point.
	 */
	static void inheritLabels(Node[] byLoad) {
		for (Node node : byLoad) {
			if (node.revision.branchLabels().isEmpty()) {
				continue;
			}
			boolean line = true;
			List<Node> above = new ArrayList<>();
			Set<Node> seen = new HashSet<>();
			above.add(node);
			seen.add(node);
			for (int i = 0; i < above.size(); i++) {
				Node at = above.get(i);
				if (at != node) {
					at.addLabels(node.labels());
				}
				line &= at.children.length + at.dependents.length <= 1 && at.parents.length <= 1;
				for (Node child : at.children) {
					if (seen.add(child)) {
						above.add(child);
					}
				}
			}
			Node below = (line && node.parents.length == 1) ? node.parents[0] : null;
			while (below != null && below.children.length + below.dependents.length <= 1
					&& below.parents.length <= 1) {
				below.addLabels(node.labels());
				below = (below.parents.length == 1) ? below.parents[0] : null;
			}
		}
	}

}
