package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.revision.Revision;

/**
 * The validated graph of all revisions, linked by their down revisions: a directed acyclic graph
 * whose heads are the revisions nobody builds on and whose bases are the revisions without a
 * parent. Immutable.
 *
 * <p>
 * {@link #revisions()} lists the revisions in one deterministic topological order: every revision
 * after all of its down revisions, and among revisions whose parents are all listed, the smallest
 * id (by {@link String#compareTo}) first. The order never depends on how the revisions were found
 * (file listing order, classpath order), so every build plans the same steps. Revisions on sibling
 * branches may therefore interleave, and must not depend on each other.
 *
 * <p>
 * Lists of ids returned by {@link #heads()}, {@link #bases()} and {@link #children(String)} are
 * sorted by id; sets returned by {@link #ancestors(Collection)} and {@link #descendants(Collection)}
 * iterate in topological order.
 *
 * <p>
 * The graph carries the {@link Vocabulary} of the code that built it, so that its errors (and
 * the planner's) name commands and settings in that code's words.
 */
public final class RevisionGraph {

	private static final RevisionGraph EMPTY = new RevisionGraph(new Node[0], Map.of(), Vocabulary.java());

	private final Node[] nodes;

	private final Map<String, Node> byId;

	private final String[] sortedIds;

	private final List<Revision> revisions;

	private final List<String> heads;

	private final List<String> bases;

	private final Vocabulary vocabulary;

	private RevisionGraph(Node[] nodes, Map<String, Node> byId, Vocabulary vocabulary) {
		this.nodes = nodes;
		this.vocabulary = vocabulary;
		this.byId = byId;
		this.sortedIds = byId.keySet().toArray(new String[0]);
		Arrays.sort(this.sortedIds);
		List<Revision> ordered = new ArrayList<>(nodes.length);
		List<String> heads = new ArrayList<>();
		List<String> bases = new ArrayList<>();
		for (Node node : nodes) {
			ordered.add(node.revision);
			if (node.children.length == 0) {
				heads.add(node.id());
			}
			if (node.parents.length == 0) {
				bases.add(node.id());
			}
		}
		Collections.sort(heads);
		Collections.sort(bases);
		this.revisions = Collections.unmodifiableList(ordered);
		this.heads = List.copyOf(heads);
		this.bases = List.copyOf(bases);
	}

	/**
	 * Validate the revisions and build their graph, in O(n log n).
	 * @param revisions every revision of the build (SQL and Java), in any order
	 * @return the graph
	 * @throws MigrateException {@link ErrorCode#DUPLICATE_REVISION} when two revisions share an
	 * id, {@link ErrorCode#MISSING_DOWN_REVISION} when a down revision does not exist,
	 * {@link ErrorCode#CYCLE} on a self-loop or a cycle
	 */
	public static RevisionGraph of(Collection<Revision> revisions) {
		return of(revisions, Vocabulary.java());
	}

	/**
	 * Validate the revisions and build their graph, in O(n log n), whose errors name commands and
	 * settings in the words of a front end.
	 * @param revisions every revision of the build (SQL and Java), in any order
	 * @param vocabulary the words of the code that uses the graph
	 * @return the graph
	 * @throws MigrateException as {@link #of(Collection)} does
	 */
	public static RevisionGraph of(Collection<Revision> revisions, Vocabulary vocabulary) {
		if (revisions.isEmpty()) {
			return (vocabulary == EMPTY.vocabulary) ? EMPTY : new RevisionGraph(new Node[0], Map.of(), vocabulary);
		}
		Map<String, Node> byId = new HashMap<>(revisions.size() * 2);
		TreeMap<String, List<Revision>> duplicates = new TreeMap<>();
		for (Revision revision : revisions) {
			Node previous = byId.putIfAbsent(revision.id(), new Node(revision));
			if (previous != null) {
				duplicates.computeIfAbsent(revision.id(), (id) -> new ArrayList<>(List.of(previous.revision)))
					.add(revision);
			}
		}
		if (!duplicates.isEmpty()) {
			throw duplicateRevisions(duplicates);
		}
		link(byId);
		return new RevisionGraph(sort(byId), byId, vocabulary);
	}

	private static MigrateException duplicateRevisions(TreeMap<String, List<Revision>> duplicates) {
		StringBuilder description = new StringBuilder();
		for (Map.Entry<String, List<Revision>> entry : duplicates.entrySet()) {
			List<String> sources = entry.getValue().stream().map(Revision::source).sorted().toList();
			if (description.length() > 0) {
				description.append('\n');
			}
			description.append("Revision id '")
				.append(entry.getKey())
				.append("' is used by ")
				.append(sources.size())
				.append(" revisions: ")
				.append(String.join(" and ", sources));
		}
		return new MigrateException(ErrorCode.DUPLICATE_REVISION, description.toString(),
				"Give all but one of them a new id (and update the down_revision of revisions built on it); "
						+ "ids must be unique across SQL and Java revisions");
	}

	private static void link(Map<String, Node> byId) {
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
		}
		if (!selfLoops.isEmpty()) {
			selfLoops.sort(Comparator.comparing(Node::id));
			throw new MigrateException(ErrorCode.CYCLE,
					"Self-loop is detected in revisions ("
							+ selfLoops.stream().map(Node::id).collect(Collectors.joining(", ")) + "): "
							+ selfLoops.stream()
								.map((node) -> node.id() + " (" + node.source() + ") names itself as down_revision")
								.collect(Collectors.joining("; ")),
					"Fix down_revision in " + selfLoops.stream().map(Node::source).collect(Collectors.joining(", "))
							+ " to name the revision it builds on");
		}
		if (!missing.isEmpty()) {
			Collections.sort(missing);
			throw new MigrateException(ErrorCode.MISSING_DOWN_REVISION, String.join("\n", missing),
					"Fix down_revision to name an existing revision (leave it empty to start a new base), "
							+ "or add the missing revision file");
		}
		for (Node node : byId.values()) {
			for (Node parent : node.parents) {
				parent.childList.add(node);
			}
		}
		for (Node node : byId.values()) {
			Node[] children = node.childList.toArray(new Node[0]);
			Arrays.sort(children, Comparator.comparing(Node::id));
			node.children = children;
			node.childList = null;
		}
	}

	private static Node[] sort(Map<String, Node> byId) {
		PriorityQueue<Node> ready = new PriorityQueue<>(Comparator.comparing(Node::id));
		for (Node node : byId.values()) {
			node.pending = node.parents.length;
			if (node.pending == 0) {
				ready.add(node);
			}
		}
		Node[] ordered = new Node[byId.size()];
		int count = 0;
		while (!ready.isEmpty()) {
			Node node = ready.poll();
			node.order = count;
			ordered[count++] = node;
			for (Node child : node.children) {
				if (--child.pending == 0) {
					ready.add(child);
				}
			}
		}
		if (count < ordered.length) {
			Set<Node> unsorted = new HashSet<>();
			for (Node node : byId.values()) {
				if (node.pending > 0) {
					unsorted.add(node);
				}
			}
			throw cycle(unsorted);
		}
		return ordered;
	}

	/**
	 * Every node left unsorted has a parent left unsorted, so following parents from any of them
	 * must come back to a node already seen: that loop is a cycle.
	 */
	private static MigrateException cycle(Set<Node> unsorted) {
		Node start = unsorted.stream().min(Comparator.comparing(Node::id)).orElseThrow();
		Map<Node, Integer> seen = new HashMap<>();
		List<Node> path = new ArrayList<>();
		Node node = start;
		while (!seen.containsKey(node)) {
			seen.put(node, path.size());
			path.add(node);
			node = Arrays.stream(node.parents)
				.filter(unsorted::contains)
				.min(Comparator.comparing(Node::id))
				.orElseThrow();
		}
		List<Node> cycle = new ArrayList<>(path.subList(seen.get(node), path.size()));
		int smallest = 0;
		for (int i = 1; i < cycle.size(); i++) {
			if (cycle.get(i).id().compareTo(cycle.get(smallest).id()) < 0) {
				smallest = i;
			}
		}
		Collections.rotate(cycle, -smallest);
		StringBuilder description = new StringBuilder("Cycle is detected in revisions (")
			.append(cycle.stream().map(Node::id).collect(Collectors.joining(", ")))
			.append("): ");
		for (int i = 0; i < cycle.size(); i++) {
			Node member = cycle.get(i);
			Node parent = cycle.get((i + 1) % cycle.size());
			if (i > 0) {
				description.append(", ");
			}
			description.append(member.id())
				.append(" (")
				.append(member.source())
				.append(") has down_revision ")
				.append(parent.id());
		}
		return new MigrateException(ErrorCode.CYCLE, description.toString(),
				"Break the cycle by fixing down_revision in one of these files; down revisions must point to "
						+ "older revisions");
	}

	/** The number of revisions. */
	public int size() {
		return this.nodes.length;
	}

	/** Every revision in the deterministic topological order described on this class. */
	public List<Revision> revisions() {
		return this.revisions;
	}

	/** The words of the code that built the graph, for its errors and the planner's. */
	public Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/** Ids of the revisions no other revision builds on, sorted. */
	public List<String> heads() {
		return this.heads;
	}

	/** Ids of the revisions without down revisions, sorted. */
	public List<String> bases() {
		return this.bases;
	}

	/**
	 * Whether a revision with exactly this id exists.
	 * @param id the id
	 * @return whether it exists
	 */
	public boolean contains(String id) {
		return this.byId.containsKey(id);
	}

	/**
	 * The revision with exactly this id.
	 * @param id the id
	 * @return the revision, or empty
	 */
	public Optional<Revision> find(String id) {
		Node node = this.byId.get(id);
		return (node != null) ? Optional.of(node.revision) : Optional.empty();
	}

	/**
	 * The revision with exactly this id.
	 * @param id the id
	 * @return the revision
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when there is none
	 */
	public Revision get(String id) {
		return node(id).revision;
	}

	/**
	 * The revision with this id, or else the only revision whose id starts with it (a prefix of
	 * any length).
	 * @param idOrPrefix an id or id prefix
	 * @return the revision
	 * @throws MigrateException {@link ErrorCode#UNKNOWN_REVISION} when nothing matches,
	 * {@link ErrorCode#AMBIGUOUS_REVISION} listing the candidates when several ids start with it
	 */
	public Revision lookup(String idOrPrefix) {
		Node exact = this.byId.get(idOrPrefix);
		if (exact != null) {
			return exact.revision;
		}
		int from = Arrays.binarySearch(this.sortedIds, idOrPrefix);
		from = (from >= 0) ? from : -from - 1;
		int to = from;
		while (to < this.sortedIds.length && this.sortedIds[to].startsWith(idOrPrefix)) {
			to++;
		}
		if (to - from == 1) {
			return this.byId.get(this.sortedIds[from]).revision;
		}
		if (to == from) {
			throw unknown(idOrPrefix);
		}
		List<String> candidates = Arrays.asList(this.sortedIds).subList(from, to);
		throw new MigrateException(ErrorCode.AMBIGUOUS_REVISION,
				"Revision identifier '" + idOrPrefix + "' is ambiguous: " + candidates.size()
						+ " revisions start with it: " + describe(candidates),
				"Use more characters of the id, e.g. one of " + String.join(", ", candidates));
	}

	private MigrateException unknown(String id) {
		return new MigrateException(ErrorCode.UNKNOWN_REVISION, "Can't locate revision identified by '" + id + "'",
				"Check the id against the revisions of this build (commands 'history' and 'heads' list them)");
	}

	/**
	 * Ids of the revisions built directly on a revision, sorted.
	 * @param id the revision id
	 * @return the children's ids
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when the id is unknown
	 */
	public List<String> children(String id) {
		return Arrays.stream(node(id).children).map(Node::id).toList();
	}

	/**
	 * Whether no revision builds on this one.
	 * @param id the revision id
	 * @return whether it is a head
	 */
	public boolean isHead(String id) {
		return node(id).children.length == 0;
	}

	/**
	 * Whether two or more revisions build on this one.
	 * @param id the revision id
	 * @return whether it is a branch point
	 */
	public boolean isBranchPoint(String id) {
		return node(id).children.length > 1;
	}

	/**
	 * Whether this revision has two or more down revisions.
	 * @param id the revision id
	 * @return whether it is a merge point
	 */
	public boolean isMergePoint(String id) {
		return node(id).parents.length > 1;
	}

	/**
	 * The given revisions and everything they build on.
	 * @param ids revision ids
	 * @return the ids, in topological order
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when an id is unknown
	 */
	public Set<String> ancestors(Collection<String> ids) {
		return walk(ids, true);
	}

	/**
	 * The given revisions and everything built on them.
	 * @param ids revision ids
	 * @return the ids, in topological order
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when an id is unknown
	 */
	public Set<String> descendants(Collection<String> ids) {
		return walk(ids, false);
	}

	private Set<String> walk(Collection<String> ids, boolean up) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		boolean[] seen = new boolean[this.nodes.length];
		List<Node> found = new ArrayList<>();
		for (String id : ids) {
			Node node = node(id);
			if (!seen[node.order]) {
				seen[node.order] = true;
				found.add(node);
			}
		}
		for (int i = 0; i < found.size(); i++) {
			for (Node next : up ? found.get(i).parents : found.get(i).children) {
				if (!seen[next.order]) {
					seen[next.order] = true;
					found.add(next);
				}
			}
		}
		Set<String> result = new LinkedHashSet<>(found.size() * 2);
		if (found.size() * 8 < this.nodes.length) {
			found.sort(Comparator.comparingInt((node) -> node.order));
			for (Node node : found) {
				result.add(node.id());
			}
		}
		else {
			for (int i = 0; i < seen.length; i++) {
				if (seen[i]) {
					result.add(this.nodes[i].id());
				}
			}
		}
		return Collections.unmodifiableSet(result);
	}

	/**
	 * Position of a revision in {@link #revisions()}.
	 * @param id the revision id
	 * @return its index
	 */
	public int orderOf(String id) {
		return node(id).order;
	}

	/**
	 * Sort revision ids into the order of {@link #revisions()}.
	 * @param ids revision ids
	 * @return a new list, parents before children
	 */
	public List<String> inOrder(Collection<String> ids) {
		List<String> sorted = new ArrayList<>(ids);
		sorted.sort(Comparator.comparingInt(this::orderOf));
		return sorted;
	}

	/**
	 * Resolve a target to the revisions it names.
	 * @param target a target of the grammar described on {@link Target}
	 * @param currentHeads the heads bare relative steps count from
	 * @return the ids, sorted by id; empty for base
	 * @throws MigrateException when the target is malformed, unknown, ambiguous, names
	 * {@code head} while there are several, or walks across a branch or merge point or past the
	 * ends
	 */
	public Set<String> resolve(String target, Set<String> currentHeads) {
		return new TargetResolver(this).resolve(Target.parse(target), currentHeads);
	}

	/**
	 * Resolve a parsed target to the revisions it names.
	 * @param target the target
	 * @param currentHeads the heads bare relative steps count from
	 * @return the ids, sorted by id; empty for base
	 * @see #resolve(String, Set)
	 */
	public Set<String> resolve(Target target, Set<String> currentHeads) {
		return new TargetResolver(this).resolve(target, currentHeads);
	}

	/**
	 * Describe revisions for messages: {@code id (source)}, comma-separated.
	 * @param ids revision ids; unknown ids are shown alone
	 * @return the description
	 */
	public String describe(Collection<String> ids) {
		return ids.stream().map((id) -> {
			Node node = this.byId.get(id);
			return (node != null) ? id + " (" + node.source() + ")" : id;
		}).collect(Collectors.joining(", "));
	}

	private Node node(String id) {
		Node node = this.byId.get(id);
		if (node == null) {
			throw unknown(id);
		}
		return node;
	}

	/** Revision and its links; {@code parents} follow the revision's down_revision order. */
	private static final class Node {

		final Revision revision;

		Node[] parents;

		Node[] children;

		List<Node> childList = new ArrayList<>(1);

		int pending;

		int order;

		Node(Revision revision) {
			this.revision = revision;
		}

		String id() {
			return this.revision.id();
		}

		String source() {
			return this.revision.source();
		}

	}

}
