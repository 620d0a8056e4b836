package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Builds revision maps the way Alembic's tests write them ({@code Revision("b", ("a",),
 * branch_labels=..., dependencies=...)}): the revisions are ranked in the order they are added,
 * as Alembic's map ranks them in the order its generator yields them (file names here start with
 * the position).
 */
final class AlembicMaps {

	private final List<Revision> revisions = new ArrayList<>();

	static AlembicMaps map() {
		return new AlembicMaps();
	}

	/** {@code Revision(id, down)}; several down revisions comma-separated, "" for a base. */
	AlembicMaps rev(String id, String down) {
		return rev(id, down, "", "");
	}

	/** {@code Revision(id, down, branch_labels=labels, dependencies=deps)}, comma-separated. */
	AlembicMaps rev(String id, String down, String labels, String dependencies) {
		String source = String.format("classpath:db/revisions/%03d_%s.sql", this.revisions.size(), id);
		this.revisions.add(new Revision(id, split(down), split(labels), split(dependencies), "create t_" + id, null,
				true, source, "checksum-" + id, sql("CREATE TABLE t_" + id + " (id int)"),
				sql("DROP TABLE t_" + id)));
		return this;
	}

	List<Revision> revisions() {
		return this.revisions;
	}

	RevisionGraph graph() {
		return RevisionGraph.of(this.revisions);
	}

	private static List<String> split(String list) {
		return list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(String::strip).toList();
	}

	private static RevisionScript.Sql sql(String statement) {
		return new RevisionScript.Sql(List.of(new SqlStatement(statement, 5)));
	}

}
