package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.revision.Revision;

/**
 * The validated graph of all revisions, linked by their down revisions and their
 * {@code depends_on} dependencies: a directed acyclic graph whose heads are the revisions nobody
 * builds on or depends on and whose bases are the revisions without a down revision. Immutable,
 * and free of any front end's words: messages that name commands are worded by the
 * {@link TargetResolver} and the planner.
 *
 * <p>
 * <b>Order.</b> Where down revisions and dependencies leave the order free (sibling branches),
 * it is Alembic's: the revisions are first ranked by the name of their file (Alembic loads the
 * files of its versions directory sorted by name; a Java revision ranks by its id), then
 * {@link #upgradeOrder} walks down from the targets as Alembic's topological sort does (the
 * target ranked first is followed down its branch first, a revision is left until every target
 * above it has been walked down to it) and reverses the walk. {@link #revisions()} is that order
 * for upgrading an empty database to every head. The order never depends on how the revisions
 * were found (file listing order, classpath order).
 *
 * <p>
 * <b>Branch labels.</b> A label names the revision that declares it, and is inherited by every
 * revision built on it and, when nothing branches or merges above it, by the revisions below it
 * down to the previous branch point or merge point (as in Alembic).
 *
 * <p>
 * <b>Dependencies.</b> A dependency is applied before its dependent and is an ancestor of it for
 * upgrades and downgrades, but not a down revision: the dependent is not a merge point, and
 * relative steps ({@code -1}) walk down revisions only.
 *
 * <p>
 * Lists of ids returned by {@link #heads()}, {@link #bases()} and {@link #children(String)} are
 * sorted by id; sets returned by {@link #ancestors(Collection)} and {@link #descendants(Collection)}
 * iterate in the order of {@link #revisions()}.
 */
public final class RevisionGraph {

	private static final RevisionGraph EMPTY = new RevisionGraph(new Node[0], Map.of(), Map.of());

	private static final Node[] NONE = new Node[0];

	/** The nodes in the order of {@link #revisions()}. */
	private final Node[] nodes;

	/** The nodes by their rank of file name (Alembic's load order). */
	private final Node[] byLoad;

	private final Map<String, Node> byId;

	private final Map<String, Node> byLabel;

	private final String[] sortedIds;

	private final List<Revision> revisions;

	private final List<String> heads;

	private final List<String> branchHeads;

	private final List<String> bases;

	private RevisionGraph(Node[] nodes, Map<String, Node> byId, Map<String, Node> byLabel) {
		this.nodes = nodes;
		this.byId = byId;
		this.byLabel = byLabel;
		this.byLoad = new Node[nodes.length];
		for (Node node : nodes) {
			this.byLoad[node.load] = node;
		}
		this.sortedIds = byId.keySet().toArray(new String[0]);
		Arrays.sort(this.sortedIds);
		List<Revision> ordered = new ArrayList<>(nodes.length);
		List<String> heads = new ArrayList<>();
		List<String> branchHeads = new ArrayList<>();
		List<String> bases = new ArrayList<>();
		for (Node node : nodes) {
			ordered.add(node.revision);
			if (node.children.length == 0) {
				branchHeads.add(node.id());
				if (node.dependents.length == 0) {
					heads.add(node.id());
				}
			}
			if (node.parents.length == 0) {
				bases.add(node.id());
			}
		}
		Collections.sort(heads);
		Collections.sort(branchHeads);
		Collections.sort(bases);
		this.revisions = Collections.unmodifiableList(ordered);
		this.heads = List.copyOf(heads);
		this.branchHeads = List.copyOf(branchHeads);
		this.bases = List.copyOf(bases);
	}

	/**
	 * Validate the revisions and build their graph.
	 * @param revisions every revision of the build (SQL and Java), in any order
	 * @return the graph
	 * @throws MigrateException {@link ErrorCode#DUPLICATE_REVISION} when two revisions share an
	 * id, {@link ErrorCode#MISSING_DOWN_REVISION} when a down revision or dependency does not
	 * exist, {@link ErrorCode#CYCLE} on a self-loop or a cycle, {@link ErrorCode#REVISION_FORMAT}
	 * when a branch label is declared twice or is also a revision id
	 */
	public static RevisionGraph of(Collection<Revision> revisions) {
		if (revisions.isEmpty()) {
			return EMPTY;
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
		Node[] byLoad = byId.values().toArray(NONE);
		Arrays.sort(byLoad, Comparator.comparing((Node node) -> node.fileName).thenComparing(Node::id));
		for (int i = 0; i < byLoad.length; i++) {
			byLoad[i].load = i;
		}
		Map<String, Node> byLabel = labels(byLoad, byId);
		GraphLinks.link(byId, byLabel);
		GraphLinks.checkAcyclic(byLoad);
		GraphLinks.normalizeDependencies(byLoad);
		Node[] ordered = order(byLoad);
		GraphLinks.inheritLabels(byLoad);
		return new RevisionGraph(ordered, byId, byLabel);
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

	private static Map<String, Node> labels(Node[] byLoad, Map<String, Node> byId) {
		Map<String, Node> byLabel = new HashMap<>();
		for (Node node : byLoad) {
			for (String label : node.revision.branchLabels()) {
				Node owner = byLabel.get(label);
				if (owner == null) {
					owner = byId.get(label);
				}
				if (owner != null) {
					throw new MigrateException(ErrorCode.REVISION_FORMAT,
							"Branch name '" + label + "' in revision " + node.id() + " (" + node.source()
									+ ") already used by revision " + owner.id() + " (" + owner.source() + ")"
									+ (owner.id().equals(label) ? " as its id" : ""),
							"Give the branch a label no other revision declares and no revision has as id");
				}
				byLabel.put(label, node);
				node.addLabels(List.of(label));
			}
		}
		return byLabel;
	}

	/**
	 * Alembic's order of every revision: the walk down from the heads, reversed.
	 */
	private static Node[] order(Node[] byLoad) {
		BitSet all = new BitSet(byLoad.length);
		all.set(0, byLoad.length);
		List<Node> heads = new ArrayList<>();
		for (Node node : byLoad) {
			if (node.children.length == 0 && node.dependents.length == 0) {
				heads.add(node);
			}
		}
		List<Node> walk = AlembicSort.walkDown(byLoad, all, heads);
		Node[] ordered = new Node[walk.size()];
		for (int i = 0; i < ordered.length; i++) {
			ordered[i] = walk.get(ordered.length - 1 - i);
			ordered[i].order = i;
		}
		for (Node node : ordered) {
			for (Node down : node.down) {
				if (down.order >= node.order) {
					throw new IllegalStateException("Revision " + down.id() + " ordered after " + node.id());
				}
			}
		}
		return ordered;
	}

	/** The number of revisions. */
	public int size() {
		return this.nodes.length;
	}

	/** Every revision in the deterministic order described on this class (parents first). */
	public List<Revision> revisions() {
		return this.revisions;
	}

	/**
	 * Ids of the revisions nobody builds on or depends on, sorted: the version table's rows
	 * once every revision is applied (the target {@code heads}).
	 */
	public List<String> heads() {
		return this.heads;
	}

	/**
	 * Ids of the revisions no revision builds on through its down revisions, sorted: the heads
	 * plus the effective heads (heads of a branch that another branch depends on). The target
	 * {@code head} names the only one.
	 */
	public List<String> branchHeads() {
		return this.branchHeads;
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
	 * The id of the revision that declares a branch label.
	 * @param label the label
	 * @return the id, or empty when no revision declares it
	 */
	public Optional<String> labelled(String label) {
		Node node = this.byLabel.get(label);
		return (node != null) ? Optional.of(node.id()) : Optional.empty();
	}

	/**
	 * The revision with this id, or else the one declaring this branch label, or else the only
	 * revision whose id starts with it (a prefix of any length).
	 * @param name an id, branch label or id prefix
	 * @return the revision
	 * @throws MigrateException {@link ErrorCode#UNKNOWN_REVISION} when nothing matches,
	 * {@link ErrorCode#AMBIGUOUS_REVISION} listing the candidates when several ids start with it
	 */
	public Revision lookup(String name) {
		Node exact = this.byId.get(name);
		if (exact == null) {
			exact = this.byLabel.get(name);
		}
		if (exact != null) {
			return exact.revision;
		}
		List<String> candidates = startingWith(name);
		if (candidates.size() == 1) {
			// a candidate is an id of the graph
			return Objects.requireNonNull(this.byId.get(candidates.get(0))).revision;
		}
		if (candidates.isEmpty()) {
			throw unknown(name);
		}
		throw ambiguous(name, candidates);
	}

	/** Ids starting with a prefix, sorted. */
	List<String> startingWith(String prefix) {
		int from = Arrays.binarySearch(this.sortedIds, prefix);
		from = (from >= 0) ? from : -from - 1;
		int to = from;
		while (to < this.sortedIds.length && this.sortedIds[to].startsWith(prefix)) {
			to++;
		}
		return Arrays.asList(this.sortedIds).subList(from, to);
	}

	MigrateException ambiguous(String prefix, List<String> candidates) {
		return new MigrateException(ErrorCode.AMBIGUOUS_REVISION,
				"Revision identifier '" + prefix + "' is ambiguous: " + candidates.size()
						+ " revisions start with it: " + describe(candidates),
				"Use more characters of the id, e.g. one of " + String.join(", ", candidates));
	}

	private MigrateException unknown(String id) {
		return new MigrateException(ErrorCode.UNKNOWN_REVISION, "Can't locate revision identified by '" + id + "'",
				"Check the id against the revisions of this build (commands 'history' and 'heads' list them)");
	}

	/**
	 * Ids of the revisions built directly on a revision (naming it as down revision), sorted.
	 * @param id the revision id
	 * @return the children's ids
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when the id is unknown
	 */
	public List<String> children(String id) {
		return ids(node(id).children);
	}

	/**
	 * Ids of the revisions that depend on a revision ({@code depends_on}), sorted.
	 * @param id the revision id
	 * @return the dependents' ids
	 */
	public List<String> dependents(String id) {
		return ids(node(id).dependents);
	}

	/**
	 * Ids of the revisions a revision depends on, its {@code depends_on} entries resolved (branch
	 * labels to the revisions declaring them), in the order written.
	 * @param id the revision id
	 * @return the dependencies' ids
	 */
	public List<String> dependencies(String id) {
		return ids(node(id).dependencies);
	}

	/**
	 * What a revision follows in the version table: its down revisions, then the dependencies
	 * that none of its ancestors already depends on (Alembic's normalized down revisions). An
	 * upgrade replaces these rows by the revision, a downgrade puts them back.
	 * @param id the revision id
	 * @return the ids
	 */
	public List<String> downRevisionsAndDependencies(String id) {
		return ids(node(id).down);
	}

	/**
	 * The branch labels of a revision: those it declares and those it inherits, sorted.
	 * @param id the revision id
	 * @return the labels
	 */
	public Set<String> branchLabels(String id) {
		return Collections.unmodifiableSet(node(id).labels());
	}

	/**
	 * Whether no revision builds on or depends on this one.
	 * @param id the revision id
	 * @return whether it is a head
	 */
	public boolean isHead(String id) {
		Node node = node(id);
		return node.children.length == 0 && node.dependents.length == 0;
	}

	/**
	 * Whether no revision builds on this one, although another depends on it: the head of a
	 * branch, which does not stay in the version table once its dependents are applied.
	 * @param id the revision id
	 * @return whether it is an effective head
	 */
	public boolean isEffectiveHead(String id) {
		Node node = node(id);
		return node.children.length == 0 && node.dependents.length > 0;
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
	 * The given revisions and everything they build on or depend on.
	 * @param ids revision ids
	 * @return the ids, in the order of {@link #revisions()}
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when an id is unknown
	 */
	public Set<String> ancestors(Collection<String> ids) {
		return walk(ids, true, true);
	}

	/**
	 * The given revisions and everything built on them or depending on them.
	 * @param ids revision ids
	 * @return the ids, in the order of {@link #revisions()}
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when an id is unknown
	 */
	public Set<String> descendants(Collection<String> ids) {
		return walk(ids, false, true);
	}

	/**
	 * Whether two revisions are on one line of down revisions (one is an ancestor of the other,
	 * dependencies not counted), Alembic's test for "a member of the branch".
	 * @param id a revision id
	 * @param other another revision id
	 * @return whether they share a lineage
	 */
	public boolean sharesLineage(String id, String other) {
		Set<String> ids = Set.of(id);
		return walk(ids, true, false).contains(other) || walk(ids, false, false).contains(other);
	}

	/**
	 * The given revisions and everything they build on through down revisions only.
	 * @param ids revision ids
	 * @return the ids, in the order of {@link #revisions()}
	 */
	public Set<String> branchAncestors(Collection<String> ids) {
		return walk(ids, true, false);
	}

	/**
	 * The given revisions and everything built on them through down revisions only.
	 * @param ids revision ids
	 * @return the ids, in the order of {@link #revisions()}
	 */
	public Set<String> branchDescendants(Collection<String> ids) {
		return walk(ids, false, false);
	}

	private Set<String> walk(Collection<String> ids, boolean up, boolean dependencies) {
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
			Node at = found.get(i);
			if (up) {
				add((dependencies ? at.down : at.parents), seen, found);
			}
			else {
				add(at.children, seen, found);
				if (dependencies) {
					add(at.dependents, seen, found);
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

	private static void add(Node[] next, boolean[] seen, List<Node> found) {
		for (Node node : next) {
			if (!seen[node.order]) {
				seen[node.order] = true;
				found.add(node);
			}
		}
	}

	/**
	 * Alembic's order for upgrading a set of revisions to some targets: every revision after
	 * its down revisions and dependencies, siblings as described on this class.
	 * @param ids the revisions to apply (ancestor-closed above the database's state)
	 * @param targets the revisions the upgrade aims at
	 * @return the ids, first to apply first
	 */
	public List<String> upgradeOrder(Collection<String> ids, Collection<String> targets) {
		List<String> walk = walkDown(ids, targets);
		Collections.reverse(walk);
		return walk;
	}

	/**
	 * Alembic's order for downgrading a set of revisions from the database's heads: every
	 * revision before its down revisions and dependencies.
	 * @param ids the revisions to revert
	 * @param currentHeads the version table's rows
	 * @return the ids, first to revert first
	 */
	public List<String> downgradeOrder(Collection<String> ids, Collection<String> currentHeads) {
		return walkDown(ids, currentHeads);
	}

	private List<String> walkDown(Collection<String> ids, Collection<String> heads) {
		BitSet todo = new BitSet(this.byLoad.length);
		for (String id : ids) {
			todo.set(node(id).load);
		}
		List<Node> start = new ArrayList<>();
		for (String head : heads) {
			start.add(node(head));
		}
		List<Node> walk = AlembicSort.walkDown(this.byLoad, todo, start);
		if (!todo.isEmpty()) {
			// revisions not below any given head: walk them down from their own tops
			List<Node> rest = new ArrayList<>();
			todo.stream().forEach((load) -> rest.add(this.byLoad[load]));
			walk.addAll(AlembicSort.walkDown(this.byLoad, todo, rest));
		}
		return walk.stream().map(Node::id).collect(Collectors.toCollection(ArrayList::new));
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

	private static List<String> ids(Node[] nodes) {
		List<String> ids = new ArrayList<>(nodes.length);
		for (Node node : nodes) {
			ids.add(node.id());
		}
		return Collections.unmodifiableList(ids);
	}

	/**
	 * Revision and its links. {@code parents} follow the revision's down_revision order,
	 * {@code dependencies} its depends_on order; {@code down} is parents then the dependencies no
	 * ancestor already has; {@code children} and {@code dependents} are sorted by id.
	 */
	static final class Node {

		final Revision revision;

		/** The name the revision's file is ranked by. */
		final String fileName;

		/** The branch labels, declared and inherited; {@code null} for none. */
		@Nullable TreeSet<String> labels;

		/** Down revisions and dependencies not yet sorted, while checking for cycles. */
		int pending;

		Node[] parents = NONE;

		Node[] dependencies = NONE;

		Node[] down = NONE;

		Node[] children = NONE;

		Node[] dependents = NONE;

		/** Rank of the file name. */
		int load;

		/** Position in {@link RevisionGraph#revisions()}. */
		int order;

		Node(Revision revision) {
			this.revision = revision;
			this.fileName = revision.fileName();
		}

		String id() {
			return this.revision.id();
		}

		String source() {
			return this.revision.source();
		}

		void addLabels(Collection<String> more) {
			if (!more.isEmpty()) {
				if (this.labels == null) {
					this.labels = new TreeSet<>();
				}
				this.labels.addAll(more);
			}
		}

		Set<String> labels() {
			return (this.labels != null) ? this.labels : Set.of();
		}

		boolean hasNormalizedDependencies() {
			return this.down.length > this.parents.length;
		}

		@Override
		public String toString() {
			return id();
		}

	}

}
