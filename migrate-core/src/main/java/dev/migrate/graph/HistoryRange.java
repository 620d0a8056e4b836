package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * The revisions of a history range ({@code history -r <lower>:<upper>}) as Alembic lists them:
 * the revisions from {@code lower} (inclusive, default base) up to {@code upper} (inclusive,
 * default every head), newest first. {@code lower} must be below {@code upper}; a bare relative
 * step ({@code -3}) counts from the heads, or from the database's revisions when the range names
 * {@code current}.
 */
public final class HistoryRange {

	/** The symbol for the database's revisions. */
	public static final String CURRENT = "current";

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	/**
	 * A range walker.
	 * @param graph the graph
	 * @param resolver resolves the range's ends
	 */
	public HistoryRange(RevisionGraph graph, TargetResolver resolver) {
		this.graph = graph;
		this.resolver = resolver;
	}

	/**
	 * The revisions of a range, newest first.
	 * @param lower the lower end, or {@code null} for base
	 * @param upper the upper end, or {@code null} for every head
	 * @param current the database's revisions, used for {@code current} and bare relative steps
	 * (may be {@code null} when the range does not name {@code current})
	 * @return the ids, descendants first
	 * @throws MigrateException ({@link ErrorCode#INVALID_TARGET}) when {@code lower} is not below
	 * {@code upper}, or when an end does not resolve
	 */
	public List<String> walk(@Nullable String lower, @Nullable String upper, @Nullable Set<String> current) {
		Set<String> from = (current != null) ? current : Set.copyOf(this.graph.heads());
		Set<String> targets = new LinkedHashSet<>(
				(upper != null) ? end(upper, from) : this.graph.heads());
		if (lower != null && lower.indexOf('@') > 0) {
			String branch = lower.substring(0, lower.indexOf('@')).strip();
			if (this.graph.labelled(branch).isPresent()) {
				targets.removeIf((id) -> !this.graph.branchLabels(id).contains(branch));
			}
		}
		Set<String> lowerIds = (lower != null) ? lowerEnd(lower, from) : Set.of();
		Set<String> required = this.graph.ancestors(targets);
		for (String id : lowerIds) {
			if (!required.contains(id)) {
				String range = ((lower != null) ? lower : "base") + ":" + ((upper != null) ? upper : "heads");
				throw new MigrateException(ErrorCode.INVALID_TARGET,
						"Requested range " + range + " does not refer to ancestor/descendant revisions along the "
								+ "same branch: " + id + " is not below " + String.join(", ", targets),
						"Give the older revision first (history -r <ancestor>:<descendant>), or leave one end "
								+ "empty");
			}
		}
		Set<String> needs = new LinkedHashSet<>(required);
		needs.removeAll(this.graph.ancestors(lowerIds));
		needs.addAll(lowerIds);
		if (!lowerIds.isEmpty()) {
			needs.retainAll(this.graph.branchDescendants(lowerIds));
		}
		List<String> order = new ArrayList<>(this.graph.upgradeOrder(needs, targets));
		Collections.reverse(order);
		return order;
	}

	private Set<String> end(String end, Set<String> current) {
		if (CURRENT.equals(end)) {
			return current;
		}
		Target target = Target.parse(end);
		if (target.isFromCurrent() && !target.hasBranch() && current.size() > 1) {
			Set<String> ids = new LinkedHashSet<>();
			for (String head : current) {
				ids.addAll(this.resolver.resolve(target, Set.of(head)));
			}
			return ids;
		}
		return this.resolver.resolve(target, current);
	}

	/** The lower end; walking past base from the heads stops at base, as in Alembic. */
	private Set<String> lowerEnd(String lower, Set<String> current) {
		try {
			return end(lower, current);
		}
		catch (MigrateException ex) {
			if (ex.code() == ErrorCode.RELATIVE_OUT_OF_RANGE && Target.parse(lower).relative() < 0) {
				return Set.of();
			}
			throw ex;
		}
	}

}
