package dev.migrate.graph;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.migrate.JavaRevision;
import dev.migrate.Vocabulary;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Builds {@link Revision} records for tests, without the file parser.
 */
public final class TestRevisions {

	/** Base of the diamond. */
	public static final String BASE = "1975ea83b712";

	/** First branch of the diamond. */
	public static final String LEFT = "ae1027a6acf";

	/** Second branch of the diamond. */
	public static final String RIGHT = "27c6a30d7c24";

	/** Merge of the diamond (down revisions {@link #LEFT}, {@link #RIGHT}). */
	public static final String MERGE = "53fffde5ad5";

	private TestRevisions() {
	}

	/** A reversible SQL revision creating table {@code t_<id>}. */
	public static Revision revision(String id, String... downRevisions) {
		return new Revision(id, List.of(downRevisions), "create t_" + id, null, true, source(id), "checksum-" + id,
				sql("CREATE TABLE t_" + id + " (id int)", 5), sql("DROP TABLE t_" + id, 8));
	}

	/** A revision without a downgrade. */
	public static Revision irreversible(String id, String... downRevisions) {
		Revision revision = revision(id, downRevisions);
		return new Revision(id, revision.downRevisions(), revision.message(), null, true, revision.source(),
				revision.checksum(), revision.upgrade(), null);
	}

	/** A revision from a given source (to test messages naming files). */
	public static Revision fromSource(String id, String source, String... downRevisions) {
		Revision revision = revision(id, downRevisions);
		return new Revision(id, revision.downRevisions(), revision.message(), null, true, source,
				revision.checksum(), revision.upgrade(), revision.downgrade());
	}

	/** A SQL revision with the given upgrade and downgrade statements. */
	public static Revision sqlRevision(String id, String message, boolean transactional, List<String> upgrade,
			List<String> downgrade, String... downRevisions) {
		return new Revision(id, List.of(downRevisions), message, "2026-11-21 10:00:00", transactional, source(id),
				"checksum-" + id, sql(upgrade), (downgrade != null) ? sql(downgrade) : null);
	}

	/** A Java revision. */
	public static Revision javaRevision(String id, JavaRevision code, String... downRevisions) {
		return new Revision(id, List.of(downRevisions), "java " + id, null, true,
				"java:" + code.getClass().getName(), null, new RevisionScript.Java(code, true),
				new RevisionScript.Java(code, false));
	}

	/** A linear chain: the first id is a base, each next one builds on the previous. */
	public static List<Revision> chain(String... ids) {
		List<Revision> revisions = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			revisions.add((i == 0) ? revision(ids[i]) : revision(ids[i], ids[i - 1]));
		}
		return revisions;
	}

	/** The diamond without its merge: a base and two branches on it (two heads). */
	public static List<Revision> fork() {
		return List.of(revision(BASE), revision(LEFT, BASE), revision(RIGHT, BASE));
	}

	/** The diamond of the Alembic notes: base, two branches, and their merge. */
	public static List<Revision> diamond() {
		List<Revision> revisions = new ArrayList<>(fork());
		revisions.add(revision(MERGE, LEFT, RIGHT));
		return revisions;
	}

	/** A graph of the given revisions. */
	public static RevisionGraph graph(List<Revision> revisions) {
		return RevisionGraph.of(revisions);
	}

	/** A graph of the given revisions. */
	public static RevisionGraph graph(Revision... revisions) {
		return RevisionGraph.of(Arrays.asList(revisions));
	}

	/** Resolve a target with the Java vocabulary. */
	public static Set<String> resolve(RevisionGraph graph, String target, Set<String> currentHeads) {
		return new TargetResolver(graph, Vocabulary.java()).resolve(target, currentHeads);
	}

	static String source(String id) {
		return "classpath:db/revisions/" + id + "_create_t.sql";
	}

	private static RevisionScript.Sql sql(String statement, int line) {
		return new RevisionScript.Sql(List.of(new SqlStatement(statement, line)));
	}

	private static RevisionScript.Sql sql(List<String> statements) {
		List<SqlStatement> list = new ArrayList<>();
		int line = 7;
		for (String statement : statements) {
			list.add(new SqlStatement(statement, line));
			line += statement.split("\n", -1).length + 1;
		}
		return new RevisionScript.Sql(list);
	}

	/** A Java revision that does nothing. */
	public static final class NoOpJavaRevision implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

}
