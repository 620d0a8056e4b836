package dev.migrate.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.graph.TargetRange;
import dev.migrate.graph.TargetResolver;
import dev.migrate.revision.Revision;

/**
 * Computes {@link Plan}s with Alembic's semantics: pure functions of the graph, the rows of the
 * version table and a target, so they can be shown (offline SQL, the actuator) before anything
 * runs.
 *
 * <ul>
 * <li>upgrade: every revision the target needs that the database lacks (ancestors of the target,
 * dependencies included, minus ancestors of the current heads, so a sibling branch may be added),
 * in Alembic's order ({@link RevisionGraph#upgradeOrder});</li>
 * <li>downgrade: every applied revision built on or depending on the target (on every base for
 * {@code base}; for {@code <branch>@base} or a branch point, only the branch's side), children
 * and dependents first ({@link RevisionGraph#downgradeOrder});</li>
 * <li>stamp: version-table changes only.</li>
 * </ul>
 * Each step carries the version-table changes that record it, computed against the heads left by
 * the steps before it (see {@link VersionChange}); a dependency's row is replaced by its dependent
 * as a down revision's would be.
 */
public final class Planner {

	private final RevisionGraph graph;

	private final Vocabulary vocabulary;

	private final TargetResolver resolver;

	/**
	 * A planner whose messages use the Java vocabulary.
	 */
	public Planner(RevisionGraph graph) {
		this(graph, Vocabulary.java());
	}

	/**
	 * A planner.
	 * @param vocabulary the words of the code that uses it, for messages
	 */
	public Planner(RevisionGraph graph, Vocabulary vocabulary) {
		this.graph = graph;
		this.vocabulary = vocabulary;
		this.resolver = new TargetResolver(graph, vocabulary);
	}

	/** The resolver of targets this planner uses. */
	public TargetResolver resolver() {
		return this.resolver;
	}

	/**
	 * Check that the version table's rows can be planned from: every row is a known revision and
	 * no row is an ancestor of another.
	 * @param currentHeads the rows of the version table
	 * @throws MigrateException {@link ErrorCode#UNKNOWN_REVISION_IN_DATABASE} or
	 * {@link ErrorCode#OVERLAPPING_HEADS}
	 */
	public void checkCurrentHeads(Set<String> currentHeads) {
		List<String> unknown = new TreeSet<>(currentHeads).stream().filter((id) -> !this.graph.contains(id)).toList();
		if (!unknown.isEmpty()) {
			String revisions = (unknown.size() == 1) ? "revision '" + unknown.get(0) + "'"
					: "revisions '" + String.join("', '", unknown) + "'";
			throw new MigrateException(ErrorCode.UNKNOWN_REVISION_IN_DATABASE, "The database is at " + revisions
					+ " which this build does not know; it was probably applied by a newer version of the "
					+ "application",
					"Deploy the newer version of the application; or, if the revision was removed on purpose, "
							+ "rewrite the version table with " + purge() + "; or start this version anyway with "
							+ this.vocabulary.setting(Setting.ALLOW_UNKNOWN_REVISIONS));
		}
		for (String head : new TreeSet<>(currentHeads)) {
			List<String> overlapping = new ArrayList<>(this.graph.ancestors(Set.of(head)));
			overlapping.remove(head);
			overlapping.retainAll(currentHeads);
			if (!overlapping.isEmpty()) {
				throw new MigrateException(ErrorCode.OVERLAPPING_HEADS,
						"Requested revision " + head + " overlaps with other requested revisions "
								+ String.join(", ", overlapping) + ": the version table holds " + head
								+ " and its ancestor" + ((overlapping.size() > 1) ? "s " : " ")
								+ String.join(", ", overlapping) + ", but it must hold only heads",
						"Find out which revision the database schema is really at, then rewrite the version "
								+ "table with " + purge());
			}
		}
	}

	/** A stamp that purges the version table, to {@code <revision>}, in the caller's words. */
	private String purge() {
		return this.vocabulary.command(Command.stamp(List.of("<revision>"), true));
	}

	/**
	 * Plan an upgrade.
	 * @param currentHeads the rows of the version table
	 * @param target the target, e.g. {@code heads}, {@code head}, {@code ae1027a6acf},
	 * {@code +1}
	 * @return the plan; empty when the target is already applied
	 * @throws MigrateException when the rows or the target are invalid (see
	 * {@link #checkCurrentHeads} and {@link TargetResolver#resolve(String, Set)})
	 */
	public Plan upgrade(Set<String> currentHeads, String target) {
		checkCurrentHeads(currentHeads);
		Target parsed = Target.parse(target);
		if (parsed.isFromCurrent() && parsed.relative() < 0) {
			throw wrongDirection(parsed, "downgrade");
		}
		Set<String> targets = this.resolver.resolve(parsed, currentHeads);
		Set<String> applied = this.graph.ancestors(currentHeads);
		List<String> needed = new ArrayList<>();
		for (String id : this.graph.ancestors(targets)) {
			if (!applied.contains(id)) {
				needed.add(id);
			}
		}
		Heads heads = new Heads(this.graph, currentHeads);
		List<Step> steps = new ArrayList<>();
		for (String id : this.graph.upgradeOrder(needed, targets)) {
			Revision revision = this.graph.get(id);
			steps.add(new Step(Direction.UPGRADE, revision, revision.downRevisions(), List.of(id),
					heads.upgrade(revision)));
		}
		return new Plan(steps, currentHeads, heads.current());
	}

	/**
	 * Plan a downgrade.
	 * @param currentHeads the rows of the version table
	 * @param target the target, e.g. {@code -1}, {@code base}, {@code 1975ea83b712},
	 * {@code head-2}
	 * @return the plan; empty when nothing applied is built on the target
	 * @throws MigrateException {@link ErrorCode#INVALID_TARGET} when the target is not applied,
	 * {@link ErrorCode#IRREVERSIBLE} when a revision to remove has no downgrade, or when the rows
	 * or the target are invalid
	 */
	public Plan downgrade(Set<String> currentHeads, String target) {
		checkCurrentHeads(currentHeads);
		Target parsed = Target.parse(target);
		if (parsed.isFromCurrent() && parsed.relative() > 0) {
			throw wrongDirection(parsed, "upgrade");
		}
		Set<String> destinations = this.resolver.resolve(parsed, currentHeads);
		Set<String> applied = this.graph.ancestors(currentHeads);
		Set<String> roots = new LinkedHashSet<>();
		if (destinations.isEmpty()) {
			roots.addAll(this.graph.bases());
		}
		for (String destination : destinations) {
			if (!applied.contains(destination)) {
				throw new MigrateException(ErrorCode.INVALID_TARGET,
						"Destination " + target + " is not a valid downgrade target from current head(s) "
								+ (currentHeads.isEmpty() ? "(none: the database is at base)"
										: String.join(", ", new TreeSet<>(currentHeads)))
								+ ": " + destination + " is not applied",
						"Downgrade only moves to revisions that are applied (the current heads and their "
								+ "ancestors); use upgrade to reach " + destination);
			}
			roots.addAll(this.graph.children(destination));
		}
		String branch = parsed.hasBranch() ? this.resolver.branchRevision(parsed)
				: (parsed.isFromCurrent() && currentHeads.size() == 1) ? currentHeads.iterator().next() : null;
		if (branch != null && roots.size() > 1) {
			Set<String> onBranch = this.graph.branchAncestors(Set.of(branch));
			roots.retainAll(onBranch);
			if (roots.isEmpty()) {
				throw new MigrateException(ErrorCode.INVALID_TARGET,
						"Destination " + target + " is not a valid downgrade target from current head(s) "
								+ String.join(", ", new TreeSet<>(currentHeads)) + ": nothing above it is on the "
								+ "branch of " + branch,
						"Downgrade to a revision below the branch, or to " + parsed.branch() + "@base");
			}
		}
		Set<String> kept = this.graph.ancestors(destinations);
		List<String> removed = new ArrayList<>();
		for (String id : this.graph.descendants(roots)) {
			if (applied.contains(id) && !kept.contains(id)) {
				removed.add(id);
			}
		}
		Heads heads = new Heads(this.graph, currentHeads);
		List<Step> steps = new ArrayList<>();
		for (String id : this.graph.downgradeOrder(removed, currentHeads)) {
			Revision revision = this.graph.get(id);
			if (!revision.isReversible()) {
				throw irreversible(revision, target);
			}
			steps.add(new Step(Direction.DOWNGRADE, revision, List.of(revision.id()), revision.downRevisions(),
					heads.downgrade(revision)));
		}
		return new Plan(steps, currentHeads, heads.current());
	}

	/**
	 * Plan a stamp: move the version table's rows to the targets without running anything.
	 * Targets above the current rows move them up (merging them when needed), targets below move
	 * them down (which, unlike a downgrade, drops rows of other branches built on the target),
	 * targets on another branch add a row, {@code base} deletes the rows, and a target already in
	 * the table changes nothing.
	 * @param currentHeads the rows of the version table
	 * @param targets the targets (usually one)
	 * @param purge whether to delete every row first, even rows this build does not know; the
	 * only way out of a version table holding unknown or overlapping revisions
	 * @return the plan
	 * @throws MigrateException when the rows (without purge) or the targets are invalid
	 */
	public Plan stamp(Set<String> currentHeads, List<String> targets, boolean purge) {
		List<Step> steps = new ArrayList<>();
		Set<String> startHeads = currentHeads;
		if (purge) {
			if (!currentHeads.isEmpty()) {
				List<String> rows = new ArrayList<>(new TreeSet<>(currentHeads));
				steps.add(new Step(Direction.STAMP, null, rows, List.of(),
						rows.stream().<VersionChange>map(VersionChange.Delete::new).toList()));
			}
			startHeads = Set.of();
		}
		else {
			checkCurrentHeads(currentHeads);
		}
		if (targets.isEmpty()) {
			throw new MigrateException(ErrorCode.INVALID_TARGET, "No stamp target given",
					"Give the revision the database is at, e.g. "
							+ this.vocabulary.command(Command.stamp(List.of("heads"), false)));
		}
		Set<String> destinations = new HashSet<>();
		for (String target : targets) {
			destinations.addAll(this.resolver.resolve(target, startHeads));
		}
		List<String> ordered = this.graph.inOrder(destinations);
		for (int i = 0; i < ordered.size(); i++) {
			Set<String> above = this.graph.descendants(Set.of(ordered.get(i)));
			for (int j = i + 1; j < ordered.size(); j++) {
				if (above.contains(ordered.get(j))) {
					throw new MigrateException(ErrorCode.INVALID_TARGET,
							"Stamp targets " + String.join(", ", targets) + " overlap: " + ordered.get(i)
									+ " is an ancestor of " + ordered.get(j),
							"Stamp only heads of different branches together");
				}
			}
		}
		Heads heads = new Heads(graph, startHeads);
		if (ordered.isEmpty()) {
			for (String head : heads.inOrder()) {
				steps.add(new Step(Direction.STAMP, null, List.of(head), List.of(), heads.stampBase(head)));
			}
		}
		for (String destination : ordered) {
			if (heads.contains(destination)) {
				continue;
			}
			List<String> moved = heads.inLineageOf(destination);
			steps.add(new Step(Direction.STAMP, this.graph.get(destination), moved, List.of(destination),
					heads.stamp(moved, destination)));
		}
		return new Plan(steps, currentHeads, heads.current());
	}

	/**
	 * Plan an offline upgrade: from base, or from {@code from} when given a
	 * {@code from:to} range.
	 * @param targetOrRange a target, or a {@code from:to} range
	 * @return the plan
	 */
	public Plan offlineUpgrade(String targetOrRange) {
		if (!TargetRange.isRange(targetOrRange)) {
			return upgrade(Set.of(), targetOrRange);
		}
		TargetRange range = TargetRange.parse(targetOrRange);
		return upgrade(start(range), range.to());
	}

	/**
	 * Plan an offline downgrade, which needs a {@code from:to} range because
	 * offline mode cannot read the version table.
	 * @param range the {@code from:to} range
	 * @return the plan
	 */
	public Plan offlineDowngrade(String range) {
		if (!TargetRange.isRange(range)) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"An offline downgrade requires <fromrev>:<torev>, got '" + range + "'",
					"Say where the database is and where it should go, e.g. 53fffde5ad5:1975ea83b712");
		}
		TargetRange parsed = TargetRange.parse(range);
		return downgrade(start(parsed), parsed.to());
	}

	/**
	 * Plan an offline stamp: from base, or from {@code from} when given a
	 * {@code from:to} range.
	 * @param targetOrRange a target, or a {@code from:to} range
	 * @return the plan
	 */
	public Plan offlineStamp(String targetOrRange) {
		if (!TargetRange.isRange(targetOrRange)) {
			return stamp(Set.of(), List.of(targetOrRange), false);
		}
		TargetRange range = TargetRange.parse(targetOrRange);
		return stamp(start(range), List.of(range.to()), false);
	}

	private Set<String> start(TargetRange range) {
		return (range.from() != null) ? this.resolver.resolve(range.from(), Set.of()) : Set.of();
	}

	private static MigrateException wrongDirection(Target target, String command) {
		int steps = Math.abs(target.relative());
		return new MigrateException(ErrorCode.RELATIVE_OUT_OF_RANGE,
				"Relative revision " + target.text() + " didn't produce " + steps + " migrations: it moves the "
						+ "other way",
				"Use " + command + " " + target.text() + " instead");
	}

	private static MigrateException irreversible(Revision revision, String target) {
		boolean java = revision.source() != null && revision.source().startsWith("java:");
		return new MigrateException(ErrorCode.IRREVERSIBLE,
				"Revision " + revision.id() + " (" + revision.source() + ") cannot be downgraded: it has no "
						+ (java ? "downgrade(Connection) method" : "'-- downgrade' section")
						+ ", and downgrading to " + target + " needs to revert it. Nothing was run.",
				(java ? "Override downgrade(Connection) in " + revision.source().substring(5)
						: "Add a '-- downgrade' section to " + revision.source()
								+ " (an empty one is an explicit no-op)")
						+ ", or downgrade to a target above " + revision.id());
	}

	/** The version table's rows while a plan is computed, and the changes each step makes. */
	private static final class Heads {

		private final RevisionGraph graph;

		private final Set<String> heads;

		Heads(RevisionGraph graph, Collection<String> heads) {
			this.graph = graph;
			this.heads = new HashSet<>(heads);
		}

		Set<String> current() {
			return this.heads;
		}

		boolean contains(String id) {
			return this.heads.contains(id);
		}

		List<String> inOrder() {
			return this.graph.inOrder(this.heads);
		}

		/**
		 * Upgrade: insert (a base, or no parent is a head), update (one parent is a head), or
		 * merge (several are: delete all but the last, update the last).
		 */
		List<VersionChange> upgrade(Revision revision) {
			List<String> parentHeads = this.graph.downRevisionsAndDependencies(revision.id())
				.stream()
				.filter(this.heads::contains)
				.toList();
			return move(parentHeads, revision.id());
		}

		/**
		 * Downgrade: the parents not already implied by another head come back. None: delete;
		 * one: update; several (unmerge): insert all but the first, update to the first.
		 */
		List<VersionChange> downgrade(Revision revision) {
			Set<String> others = new HashSet<>(this.heads);
			others.remove(revision.id());
			Set<String> implied = this.graph.ancestors(others);
			List<String> back = this.graph.downRevisionsAndDependencies(revision.id())
				.stream()
				.filter((id) -> !implied.contains(id))
				.toList();
			List<VersionChange> changes = new ArrayList<>();
			this.heads.remove(revision.id());
			if (back.isEmpty()) {
				changes.add(new VersionChange.Delete(revision.id()));
				return changes;
			}
			for (String parent : back.subList(1, back.size())) {
				changes.add(new VersionChange.Insert(parent));
			}
			changes.add(new VersionChange.Update(revision.id(), back.get(0)));
			this.heads.addAll(back);
			return changes;
		}

		List<VersionChange> stampBase(String head) {
			this.heads.remove(head);
			return List.of(new VersionChange.Delete(head));
		}

		/** The current heads that are ancestors or descendants of the revision, in order. */
		List<String> inLineageOf(String id) {
			Set<String> lineage = new HashSet<>(this.graph.ancestors(Set.of(id)));
			lineage.addAll(this.graph.descendants(Set.of(id)));
			return inOrder().stream().filter(lineage::contains).toList();
		}

		List<VersionChange> stamp(List<String> moved, String destination) {
			return move(moved, destination);
		}

		private List<VersionChange> move(List<String> from, String to) {
			List<VersionChange> changes = new ArrayList<>();
			if (from.isEmpty()) {
				changes.add(new VersionChange.Insert(to));
			}
			else {
				for (String head : from.subList(0, from.size() - 1)) {
					changes.add(new VersionChange.Delete(head));
				}
				changes.add(new VersionChange.Update(from.get(from.size() - 1), to));
			}
			this.heads.removeAll(from);
			this.heads.add(to);
			return changes;
		}

	}

}
