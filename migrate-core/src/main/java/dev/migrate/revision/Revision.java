package dev.migrate.revision;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One revision: a node of the revision graph with what runs to apply and revert it.
 *
 * @param id the revision id (1-32 characters, none of {@code @ - + :})
 * @param downRevisions ids of the parents: empty for a base, two or more for a merge point
 * @param branchLabels the branch labels this revision declares ({@code branch_labels} header),
 * in the order written; revisions above it inherit them (see the graph)
 * @param dependsOn the revisions or branch labels this revision depends on ({@code depends_on}
 * header), in the order written: applied before it, but not merged into it
 * @param message the human description, empty when none
 * @param createDate the {@code create_date} header as written, or {@code null}
 * @param transactional whether the revision runs inside a transaction
 * @param source where it came from, for messages: {@code classpath:db/revisions/<file>.sql},
 * {@code filesystem:/path/<file>.sql} or {@code java:<class name>}
 * @param checksum checksum of the SQL's meaning (upgrade and downgrade sections), or {@code null}
 * for Java revisions
 * @param upgrade what runs on upgrade
 * @param downgrade what runs on downgrade, or {@code null} when the revision is irreversible
 */
public record Revision(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
		String message, @Nullable String createDate, boolean transactional, String source, @Nullable String checksum,
		RevisionScript upgrade, @Nullable RevisionScript downgrade) {

	public Revision {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = (branchLabels != null) ? List.copyOf(branchLabels) : List.of();
		dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
		message = (message != null) ? message : "";
	}

	/**
	 * A revision without branch labels or dependencies.
	 * @param id the revision id
	 * @param downRevisions ids of the parents
	 * @param message the human description
	 * @param createDate the {@code create_date} header, or {@code null}
	 * @param transactional whether the revision runs inside a transaction
	 * @param source where it came from
	 * @param checksum checksum of the SQL, or {@code null}
	 * @param upgrade what runs on upgrade
	 * @param downgrade what runs on downgrade, or {@code null}
	 */
	public Revision(String id, List<String> downRevisions, String message, @Nullable String createDate,
			boolean transactional, String source, @Nullable String checksum, RevisionScript upgrade,
			@Nullable RevisionScript downgrade) {
		this(id, downRevisions, List.of(), List.of(), message, createDate, transactional, source, checksum, upgrade,
				downgrade);
	}

	/** Whether this revision has no parent. */
	public boolean isBase() {
		return this.downRevisions.isEmpty();
	}

	/** Whether this revision joins two or more parents. */
	public boolean isMergePoint() {
		return this.downRevisions.size() > 1;
	}

	/** Whether this revision can be downgraded. */
	public boolean isReversible() {
		return this.downgrade != null;
	}

	/**
	 * The name Alembic would load this revision's file by, which orders revisions that the
	 * graph leaves free (siblings): the file name without directories for SQL revisions, the id
	 * for Java revisions.
	 * @return the name
	 */
	public String fileName() {
		if (this.source == null || this.source.startsWith("java:")) {
			return this.id;
		}
		int slash = Math.max(this.source.lastIndexOf('/'), this.source.lastIndexOf('\\'));
		int colon = this.source.indexOf(':');
		return this.source.substring(Math.max(slash, colon) + 1);
	}

	@Override
	public String toString() {
		return this.id + " (" + this.source + ")";
	}

}
