package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Command;

/**
 * Resolves a {@link Target} on a {@link RevisionGraph} with Alembic's semantics: the symbol to a
 * set of revisions (scoped to a branch for {@code <branch>@...}), then the relative step one edge
 * at a time, refusing to choose at a branch or merge point. Its messages name commands in the
 * words of the code that uses it.
 */
public final class TargetResolver {

	private static final String WALK_ACTION = "Relative steps only move along a single line of revisions; "
			+ "give an absolute target instead (a revision id, heads or base), or scope the step to a branch "
			+ "(<branch>@head-1, <branch>@+1)";

	private final RevisionGraph graph;

	private final Vocabulary vocabulary;

	/**
	 * A resolver for a graph.
	 * @param graph the graph
	 * @param vocabulary the words of the code that uses it, for messages
	 */
	public TargetResolver(RevisionGraph graph, Vocabulary vocabulary) {
		this.graph = graph;
		this.vocabulary = vocabulary;
	}

	/**
	 * Resolve a target to the revisions it names.
	 * @param target a target of the grammar described on {@link Target}
	 * @param currentHeads the version table's rows, which bare relative steps count from
	 * @return the ids, sorted by id; empty for base
	 * @throws MigrateException when the target is malformed, unknown, ambiguous, names
	 * {@code head} while there are several, or walks across a branch or merge point or past the
	 * ends
	 */
	public Set<String> resolve(String target, Set<String> currentHeads) {
		return resolve(Target.parse(target), currentHeads);
	}

	/**
	 * Resolve a parsed target to the revisions it names.
	 * @param target the target
	 * @param currentHeads the version table's rows, which bare relative steps count from
	 * @return the ids, sorted by id; empty for base
	 * @see #resolve(String, Set)
	 */
	public Set<String> resolve(Target target, Set<String> currentHeads) {
		if (!target.isRelative()) {
			return Collections.unmodifiableSet(absolute(target));
		}
		String at = (target.relative() > 0) ? upStart(target, currentHeads) : downStart(target, currentHeads);
		int steps = Math.abs(target.relative());
		String branch = target.hasBranch() ? branchRevision(target) : null;
		for (int i = 0; i < steps; i++) {
			at = (target.relative() > 0) ? up(target, at, branch) : down(target, at);
		}
		return (at != null) ? Set.of(at) : Set.of();
	}

	/**
	 * The revision a target's branch names: the revision declaring the branch label, or else a
	 * revision id or unique prefix.
	 * @param target a target with a branch
	 * @return the revision id
	 * @throws MigrateException ({@link ErrorCode#UNKNOWN_REVISION}) when it names nothing
	 */
	public String branchRevision(Target target) {
		String branch = Objects.requireNonNull(target.branch(), "'target' must have a branch");
		String labelled = this.graph.labelled(branch).orElse(null);
		if (labelled != null) {
			return labelled;
		}
		List<String> candidates = this.graph.contains(branch) ? List.of(branch) : this.graph.startingWith(branch);
		if (candidates.size() > 1) {
			throw this.graph.ambiguous(branch, candidates);
		}
		if (candidates.isEmpty()) {
			throw new MigrateException(ErrorCode.UNKNOWN_REVISION,
					"No such branch: '" + branch + "' (in target '" + target.text()
							+ "') is neither a branch label nor a revision",
					"Use a branch label declared by a revision's branch_labels, or a revision id (commands "
							+ "'branches' and 'history' list them)");
		}
		return candidates.get(0);
	}

	private Set<String> absolute(Target target) {
		// only a bare relative step has no symbol, and it is never resolved as absolute
		String symbol = Objects.requireNonNull(target.symbol(), "'target' must have a symbol");
		if (!target.hasBranch()) {
			return switch (symbol) {
				case Target.HEAD -> head(target.text(), this.graph.branchHeads());
				case Target.HEADS -> new TreeSet<>(this.graph.heads());
				case Target.BASE -> new TreeSet<>();
				default -> new TreeSet<>(Set.of(this.graph.lookup(symbol).id()));
			};
		}
		String branch = branchRevision(target);
		return switch (symbol) {
			case Target.HEAD -> head(target.text(), branchHeads(branch));
			case Target.HEADS -> new TreeSet<>(branchHeads(branch));
			case Target.BASE -> new TreeSet<>();
			default -> new TreeSet<>(Set.of(member(target, symbol, branch)));
		};
	}

	/** The heads above a branch's revision (by down revisions), sorted. */
	private List<String> branchHeads(String branch) {
		Set<String> above = this.graph.branchDescendants(List.of(branch));
		return this.graph.branchHeads().stream().filter(above::contains).toList();
	}

	/** The revision a scoped symbol names, checked to be on the branch. */
	private String member(Target target, String symbol, String branch) {
		String id;
		if (this.graph.contains(symbol)) {
			id = symbol;
		}
		else if (this.graph.labelled(symbol).isPresent()) {
			id = this.graph.labelled(symbol).get();
		}
		else {
			List<String> candidates = this.graph.startingWith(symbol)
				.stream()
				.filter((candidate) -> this.graph.sharesLineage(candidate, branch))
				.toList();
			if (candidates.size() > 1) {
				throw this.graph.ambiguous(symbol, candidates);
			}
			id = candidates.isEmpty() ? this.graph.lookup(symbol).id() : candidates.get(0);
		}
		if (!this.graph.sharesLineage(id, branch)) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"Revision " + id + " is not a member of branch '" + target.branch() + "' (target '" + target.text()
							+ "'): it is neither below nor above " + branch,
					"Name a revision on that branch (command 'history -r " + target.branch()
							+ "@base:' lists them), or drop the '" + target.branch() + "@' scope");
		}
		return id;
	}

	private Set<String> head(String argument, List<String> heads) {
		if (heads.size() > 1) {
			throw multipleHeads(argument, heads);
		}
		return new TreeSet<>(heads);
	}

	/**
	 * The error for {@code head} (or {@code <branch>@head}) while there are several heads.
	 * @param argument the target as given
	 * @param heads the heads it could mean
	 * @return the error
	 */
	public MigrateException multipleHeads(String argument, Collection<String> heads) {
		return new MigrateException(ErrorCode.MULTIPLE_HEADS,
				"Multiple head revisions are present for given argument '" + argument
						+ "'; please specify a specific target revision, '<branchname>@head' to narrow to a "
						+ "specific head, or 'heads' for all heads. The " + heads.size() + " heads are: "
						+ this.graph.describe(heads),
				"Join the branches with a merge revision ("
						+ this.vocabulary.command(Command.merge("merge heads", List.of("heads")))
						+ "), or use the target 'heads' to apply every branch");
	}

	/** Where an upward step starts: a revision, or {@code null} for base. */
	private @Nullable String upStart(Target target, Set<String> currentHeads) {
		if (!target.isFromCurrent()) {
			return single(target, absoluteSymbol(target));
		}
		List<String> start = currentOnBranch(target, currentHeads);
		if (start.isEmpty() && target.hasBranch()) {
			start = tips(this.graph.ancestors(currentHeads), branchRevision(target));
		}
		if (start.size() > 1) {
			throw new MigrateException(ErrorCode.AMBIGUOUS_WALK,
					"Ambiguous upgrade from multiple current revisions for '" + target.text() + "': "
							+ this.graph.describe(start),
					WALK_ACTION);
		}
		return start.isEmpty() ? null : start.get(0);
	}

	/** The version table's rows, sorted, on the target's branch when it has one. */
	private List<String> currentOnBranch(Target target, Set<String> currentHeads) {
		List<String> rows = new ArrayList<>(new TreeSet<>(currentHeads));
		for (String row : rows) {
			this.graph.get(row);
		}
		if (target.hasBranch()) {
			String branch = branchRevision(target);
			rows.removeIf((row) -> !this.graph.sharesLineage(row, branch));
		}
		return rows;
	}

	/** The applied revisions on a branch that nothing applied on it builds on. */
	private List<String> tips(Set<String> applied, String branch) {
		List<String> onBranch = applied.stream().filter((id) -> this.graph.sharesLineage(id, branch)).toList();
		Set<String> below = new HashSet<>();
		for (String id : onBranch) {
			below.addAll(this.graph.downRevisionsAndDependencies(id));
		}
		return onBranch.stream().filter((id) -> !below.contains(id)).sorted().toList();
	}

	/** Where a downward step starts: a revision, or {@code null} for base. */
	private @Nullable String downStart(Target target, Set<String> currentHeads) {
		if (!target.isFromCurrent()) {
			return single(target, absolute(new Target(target.text(), target.branch(), target.symbol(), 0)));
		}
		List<String> start = currentOnBranch(target, currentHeads);
		if (start.isEmpty() && target.hasBranch()) {
			String branch = branchRevision(target);
			Set<String> applied = this.graph.ancestors(currentHeads);
			start = applied.stream()
				.filter((id) -> this.graph.children(id).stream().noneMatch(applied::contains))
				.filter((id) -> this.graph.sharesLineage(id, branch))
				.sorted()
				.toList();
		}
		if (start.isEmpty()) {
			throw outOfRange(target, "the database is at base");
		}
		if (start.size() > 1) {
			throw new MigrateException(ErrorCode.AMBIGUOUS_WALK,
					"Ambiguous downgrade from multiple current revisions for '" + target.text() + "': "
							+ this.graph.describe(start),
					WALK_ACTION);
		}
		return start.get(0);
	}

	/** A step's symbol without the branch: {@code <branch>@<symbol>+N} walks up from the symbol. */
	private Set<String> absoluteSymbol(Target target) {
		String symbol = Objects.requireNonNull(target.symbol(), "'target' must have a symbol");
		return absolute(new Target(symbol, null, symbol, 0));
	}

	private @Nullable String single(Target target, Set<String> start) {
		if (start.size() > 1) {
			throw new MigrateException(ErrorCode.AMBIGUOUS_WALK,
					"Ambiguous walk for '" + target.text() + "': '" + target.symbol() + "' names "
							+ start.size() + " revisions (" + this.graph.describe(start)
							+ "), and a relative step needs a single revision to start from",
					"Start from one of them (e.g. " + start.iterator().next()
							+ ((target.relative() > 0) ? "+" : "-") + Math.abs(target.relative())
							+ "), or scope the step to a branch (<branch>@head" + ((target.relative() > 0) ? "+" : "-")
							+ Math.abs(target.relative()) + ")");
		}
		return start.isEmpty() ? null : start.iterator().next();
	}

	private String up(Target target, @Nullable String at, @Nullable String branch) {
		List<String> next = new ArrayList<>((at != null) ? this.graph.children(at) : this.graph.bases());
		if (branch != null) {
			next.removeIf((id) -> !this.graph.sharesLineage(id, branch));
		}
		if (next.isEmpty()) {
			throw outOfRange(target, (at != null) ? at + " is a head" : "there are no revisions");
		}
		if (next.size() > 1) {
			throw new MigrateException(ErrorCode.AMBIGUOUS_WALK, (at != null)
					? "Ambiguous walk for '" + target.text() + "' at " + at + " which is a branch point (children "
							+ String.join(", ", next) + ")"
					: "Ambiguous walk for '" + target.text() + "' at base: there are several bases ("
							+ String.join(", ", next) + ")",
					WALK_ACTION);
		}
		return next.get(0);
	}

	private @Nullable String down(Target target, @Nullable String at) {
		if (at == null) {
			throw outOfRange(target, "it goes below base");
		}
		List<String> parents = this.graph.get(at).downRevisions();
		if (parents.size() > 1) {
			throw new MigrateException(ErrorCode.AMBIGUOUS_WALK,
					"Ambiguous walk for '" + target.text() + "' at " + at + " which is a merge point (down revisions "
							+ String.join(", ", parents) + ")",
					WALK_ACTION);
		}
		return parents.isEmpty() ? null : parents.get(0);
	}

	/**
	 * The error for a relative step that leaves the graph.
	 * @param target the target
	 * @param reason why, for the message
	 * @return the error
	 */
	public static MigrateException outOfRange(Target target, String reason) {
		int steps = Math.abs(target.relative());
		String relative = (target.relative() > 0) ? "+" + steps : "-" + steps;
		return new MigrateException(ErrorCode.RELATIVE_OUT_OF_RANGE,
				"Relative revision " + relative + " didn't produce " + steps + " migrations ('" + target.text()
						+ "': " + reason + ")",
				"Use a smaller step or an absolute target (a revision id, heads or base)");
	}

}
