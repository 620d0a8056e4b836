package dev.migrate.command;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;

/**
 * Formats revisions the way Alembic's commands print them: one line
 * ({@code 1975ea83b712 -> ae1027a6acf (head), add column}) or a log entry ({@code Rev:},
 * {@code Parent:}, {@code Path:} and the indented description).
 */
final class RevisionFormat {

	private final RevisionGraph graph;

	RevisionFormat(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * One line for a revision.
	 * @param revision the revision
	 * @param parents whether to start with {@code <down revisions> -> }
	 * @param tree whether to add {@code (branchpoint)} and {@code (mergepoint)}
	 * @param doc whether to end with {@code , <message>}
	 * @param current whether to add {@code (current)}
	 * @return the line
	 */
	String line(Revision revision, boolean parents, boolean tree, boolean doc, boolean current) {
		return line(revision, parents, true, tree, doc, current);
	}

	/**
	 * One line for a revision, as Alembic's {@code cmd_format}: {@code <down revisions>
	 * (<depends_on>) -> <id> (<branch labels>) (head) (current) (branchpoint) (mergepoint), <message>}.
	 * @param revision the revision
	 * @param parents whether to start with {@code <down revisions> -> }
	 * @param labels whether to add the branch labels
	 * @param tree whether to add {@code (branchpoint)} and {@code (mergepoint)}
	 * @param doc whether to end with {@code , <message>}
	 * @param current whether to add {@code (current)}
	 * @return the line
	 */
	String line(Revision revision, boolean parents, boolean labels, boolean tree, boolean doc, boolean current) {
		StringBuilder text = new StringBuilder();
		if (parents) {
			text.append(downRevisions(revision));
			if (!revision.dependsOn().isEmpty()) {
				text.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
			}
			text.append(" -> ");
		}
		text.append(revision.id());
		Set<String> branchLabels = this.graph.branchLabels(revision.id());
		if (labels && !branchLabels.isEmpty()) {
			text.append(" (").append(String.join(", ", branchLabels)).append(')');
		}
		if (this.graph.isHead(revision.id())) {
			text.append(" (head)");
		}
		else if (this.graph.isEffectiveHead(revision.id())) {
			text.append(" (effective head)");
		}
		if (current) {
			text.append(" (current)");
		}
		if (tree) {
			text.append(markers(revision));
		}
		if (doc && !revision.message().isEmpty()) {
			text.append(", ").append(revision.message());
		}
		return text.toString();
	}

	/**
	 * A log entry for a revision: {@code Rev:}, {@code Parent:} or {@code Merges:},
	 * {@code Branches into:}, {@code Path:}, then the message and header indented by four spaces;
	 * ends with a blank line.
	 * @param revision the revision
	 * @param current whether to add {@code (current)}
	 * @param extra lines to add before {@code Path:} (e.g. when it was applied), or none
	 * @return the entry, lines ending with {@code \n}
	 */
	String entry(Revision revision, boolean current, List<String> extra) {
		StringBuilder text = new StringBuilder("Rev: ").append(revision.id());
		if (this.graph.children(revision.id()).isEmpty()) {
			text.append(" (head)");
		}
		text.append(markers(revision));
		if (current) {
			text.append(" (current)");
		}
		text.append('\n');
		text.append(revision.isMergePoint() ? "Merges: " : "Parent: ").append(downRevisions(revision)).append('\n');
		if (!revision.dependsOn().isEmpty()) {
			text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		List<String> children = this.graph.children(revision.id());
		if (children.size() > 1) {
			text.append("Branches into: ").append(String.join(", ", children)).append('\n');
		}
		Set<String> branchLabels = this.graph.branchLabels(revision.id());
		if (!branchLabels.isEmpty()) {
			text.append("Branch names: ").append(String.join(", ", branchLabels)).append('\n');
		}
		for (String line : extra) {
			text.append(line).append('\n');
		}
		text.append("Path: ").append(revision.source()).append("\n\n");
		if (!revision.message().isEmpty()) {
			text.append("    ").append(revision.message()).append("\n\n");
		}
		text.append("    Revision ID: ").append(revision.id()).append('\n');
		text.append("    Revises:");
		if (!revision.isBase()) {
			text.append(' ').append(String.join(", ", revision.downRevisions()));
		}
		text.append('\n');
		if (revision.createDate() != null) {
			text.append("    Create Date: ").append(revision.createDate()).append('\n');
		}
		if (!revision.transactional()) {
			text.append("    Transactional: false\n");
		}
		if (!revision.isReversible()) {
			text.append("    Downgrade: none (irreversible)\n");
		}
		return text.append('\n').toString();
	}

	/**
	 * Revisions of the database as one line: {@code ae1027a6acf (head)}, comma-separated, or
	 * {@code base} when there are none; ids this build does not know are marked
	 * {@code (unknown)}.
	 * @param ids the version-table rows
	 * @return the line
	 */
	String rows(Collection<String> ids) {
		if (ids.isEmpty()) {
			return "base";
		}
		return ids.stream()
			.map((id) -> this.graph.contains(id) ? line(this.graph.get(id), false, false, false, false, false)
					: id + " (unknown)")
			.collect(Collectors.joining(", "));
	}

	private String markers(Revision revision) {
		String text = this.graph.isBranchPoint(revision.id()) ? " (branchpoint)" : "";
		return revision.isMergePoint() ? text + " (mergepoint)" : text;
	}

	private static String downRevisions(Revision revision) {
		return revision.isBase() ? "<base>" : String.join(", ", revision.downRevisions());
	}

}
