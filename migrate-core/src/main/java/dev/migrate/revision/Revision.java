package dev.migrate.revision;

import java.util.List;

/**
 * One revision: a node of the revision graph with what runs to apply and revert it.
 *
 * @param id the revision id (1-32 characters, none of {@code @ - + :})
 * @param downRevisions ids of the parents: empty for a base, two or more for a merge point
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
public record Revision(String id, List<String> downRevisions, String message, String createDate,
		boolean transactional, String source, String checksum, RevisionScript upgrade, RevisionScript downgrade) {

	public Revision {
		downRevisions = List.copyOf(downRevisions);
		message = (message != null) ? message : "";
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

	@Override
	public String toString() {
		return this.id + " (" + this.source + ")";
	}

}
