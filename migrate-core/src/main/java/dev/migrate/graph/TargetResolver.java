package dev.migrate.graph;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary.Command;

/**
 * Resolves a {@link Target} on a {@link RevisionGraph}: the symbol to a set of revisions, then
 * the relative step one edge at a time, refusing to choose at a branch or merge point.
 */
final class TargetResolver {

	private static final String WALK_ACTION = "Relative steps only move along a single line of revisions; "
			+ "give an absolute target instead (a revision id, heads or base)";

	private final RevisionGraph graph;

	TargetResolver(RevisionGraph graph) {
		this.graph = graph;
	}

	Set<String> resolve(Target target, Set<String> currentHeads) {
		Set<String> start = symbol(target, currentHeads);
		if (!target.isRelative()) {
			return Collections.unmodifiableSet(start);
		}
		if (start.size() > 1) {
			String from = target.isFromCurrent() ? "current revisions" : "revisions";
			throw new MigrateException(ErrorCode.AMBIGUOUS_WALK,
					"Ambiguous " + ((target.relative() > 0) ? "upgrade" : "downgrade") + " from multiple " + from
							+ " for '" + target.text() + "': " + this.graph.describe(start),
					WALK_ACTION);
		}
		String at = start.isEmpty() ? null : start.iterator().next();
		int steps = Math.abs(target.relative());
		for (int i = 0; i < steps; i++) {
			at = (target.relative() > 0) ? up(target, at) : down(target, at);
		}
		return (at != null) ? Set.of(at) : Set.of();
	}

	private Set<String> symbol(Target target, Set<String> currentHeads) {
		String symbol = target.symbol();
		if (symbol == null) {
			for (String head : currentHeads) {
				this.graph.get(head);
			}
			return new TreeSet<>(currentHeads);
		}
		return switch (symbol) {
			case Target.HEAD -> head(target);
			case Target.HEADS -> new TreeSet<>(this.graph.heads());
			case Target.BASE -> new TreeSet<>();
			default -> new TreeSet<>(Set.of(this.graph.lookup(symbol).id()));
		};
	}

	private Set<String> head(Target target) {
		List<String> heads = this.graph.heads();
		if (heads.size() > 1) {
			throw multipleHeads(this.graph, target.text());
		}
		return new TreeSet<>(heads);
	}

	static MigrateException multipleHeads(RevisionGraph graph, String argument) {
		return new MigrateException(ErrorCode.MULTIPLE_HEADS,
				"Multiple head revisions are present for given argument '" + argument
						+ "'; please specify a specific target revision, or 'heads' for all heads. The "
						+ graph.heads().size() + " heads are: " + graph.describe(graph.heads()),
				"Join the branches with a merge revision ("
						+ graph.vocabulary().command(Command.merge("merge heads", List.of("heads")))
						+ "), or use the target 'heads' to apply every branch");
	}

	private String up(Target target, String at) {
		List<String> next = (at != null) ? this.graph.children(at) : this.graph.bases();
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

	private String down(Target target, String at) {
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

	static MigrateException outOfRange(Target target, String reason) {
		int steps = Math.abs(target.relative());
		String relative = (target.relative() > 0) ? "+" + steps : "-" + steps;
		return new MigrateException(ErrorCode.RELATIVE_OUT_OF_RANGE,
				"Relative revision " + relative + " didn't produce " + steps + " migrations ('" + target.text()
						+ "': " + reason + ")",
				"Use a smaller step or an absolute target (a revision id, heads or base)");
	}

}
