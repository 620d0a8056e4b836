package dev.migrate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.plan.Planner;
import dev.migrate.revision.Revision;

/**
 * Checks the database state against the build before any work: rows of revisions this build
 * does not know, and applied revisions whose files were edited since (their checksum differs from
 * the one recorded by their latest successful {@code upgrade} or {@code accept_checksum} history
 * row; revisions without such a row, e.g. stamped or applied by Alembic, are not checked).
 */
final class StateValidator {

	private static final String ALEMBIC_VERSION = "alembic_version";

	private final RevisionGraph graph;

	private final Planner planner;

	private final Vocabulary vocabulary;

	private final String versionTable;

	StateValidator(RevisionGraph graph, Planner planner, Vocabulary vocabulary, String versionTable) {
		this.graph = graph;
		this.planner = planner;
		this.vocabulary = vocabulary;
		this.versionTable = versionTable;
	}

	/**
	 * The version-table rows this build does not know, sorted.
	 * @param state the state
	 * @return the unknown rows
	 */
	List<String> unknownRows(DatabaseState state) {
		return state.heads().stream().filter((id) -> !this.graph.contains(id)).toList();
	}

	/**
	 * Fail on rows this build does not know, or on overlapping rows.
	 * @param state the state
	 * @throws MigrateException {@code UNKNOWN_REVISION_IN_DATABASE} or {@code OVERLAPPING_HEADS}
	 */
	void checkRows(DatabaseState state) {
		List<String> unknown = unknownRows(state);
		if (!unknown.isEmpty() && ALEMBIC_VERSION.equalsIgnoreCase(this.versionTable)) {
			throw partialPort(unknown);
		}
		this.planner.checkCurrentHeads(state.headSet());
	}

	/**
	 * Alembic's table holding a revision no file defines: most likely some of Alembic's revisions
	 * were not ported, rather than a newer version of the application having run.
	 */
	private MigrateException partialPort(List<String> unknown) {
		return new MigrateException(ErrorCode.UNKNOWN_REVISION_IN_DATABASE,
				"The version table " + this.versionTable + " is at " + ((unknown.size() == 1) ? "revision " : "revisions ")
						+ String.join(", ", unknown) + ", which no revision file of this build defines: the Alembic "
						+ "history looks partly ported. In the database but not among the files: "
						+ String.join(", ", unknown) + " (and the revisions below "
						+ ((unknown.size() == 1) ? "it" : "them") + " that the files lack); the files define "
						+ this.graph.size() + " revision(s)"
						+ (this.graph.heads().isEmpty() ? "" : ", heads " + String.join(", ", this.graph.heads())),
				"Port the missing Alembic revisions into " + this.vocabulary.setting(Setting.LOCATIONS)
						+ " (each versions/<id>_<slug>.py becomes <id>_<slug>.sql with the same id; 'alembic history' "
						+ "lists them), or, if the database really is at a revision of these files, rewrite the "
						+ "version table with " + this.vocabulary.command(Command.stamp(List.of("<revision>"), true)));
	}

	/**
	 * The applied revisions whose checksum differs from the recorded one, in graph order. The
	 * rows must be known.
	 * @param state the state
	 * @return the drifts
	 */
	List<ChecksumDrift> drifts(DatabaseState state) {
		if (!anyDiffers(state.recordedChecksums())) {
			return List.of();
		}
		List<ChecksumDrift> drifts = new ArrayList<>();
		for (String id : this.graph.ancestors(state.heads())) {
			String recorded = state.recordedChecksums().get(id);
			if (recorded == null) {
				continue;
			}
			Revision revision = this.graph.get(id);
			if (revision.checksum() != null && !recorded.equals(revision.checksum())) {
				drifts.add(new ChecksumDrift(revision, recorded));
			}
		}
		return drifts;
	}

	/**
	 * Whether any recorded checksum differs from its revision's, applied or not: nearly always
	 * false, and then the applied revisions need not be worked out.
	 */
	private boolean anyDiffers(Map<String, String> recordedChecksums) {
		for (Map.Entry<String, String> recorded : recordedChecksums.entrySet()) {
			Revision revision = this.graph.find(recorded.getKey()).orElse(null);
			if (revision != null && revision.checksum() != null && !recorded.getValue().equals(revision.checksum())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Fail when applied revisions were edited.
	 * @param state the state, with known rows
	 * @throws MigrateException {@code CHECKSUM_MISMATCH} listing each revision, its file and both
	 * checksums
	 */
	void checkChecksums(DatabaseState state) {
		List<ChecksumDrift> drifts = drifts(state);
		if (!drifts.isEmpty()) {
			throw checksumMismatch(drifts, this.vocabulary);
		}
	}

	static MigrateException checksumMismatch(List<ChecksumDrift> drifts, Vocabulary vocabulary) {
		StringBuilder description = new StringBuilder();
		description.append((drifts.size() == 1) ? "An applied revision was edited after it was applied: "
				: drifts.size() + " applied revisions were edited after they were applied: ");
		for (int i = 0; i < drifts.size(); i++) {
			description.append((i > 0) ? "; " : "").append(drifts.get(i));
		}
		List<String> ids = drifts.stream().map((drift) -> drift.revision().id()).toList();
		return new MigrateException(ErrorCode.CHECKSUM_MISMATCH, description.toString(),
				"Revert the file" + ((ids.size() > 1) ? "s" : "") + " to what was applied (a revision that is "
						+ "applied must not change; write a new revision instead). If the edit is deliberate and "
						+ "the database already matches it, accept the new checksum"
						+ ((ids.size() > 1) ? "s" : "") + " with " + vocabulary.command(Command.acceptChecksums(ids))
						+ ", or turn the check off with " + vocabulary.setting(Setting.VALIDATE_CHECKSUMS));
	}

	/**
	 * The applied revisions (ancestors of the rows), known rows only.
	 * @param heads the rows
	 * @return the applied ids, parents first
	 */
	Set<String> applied(List<String> heads) {
		return this.graph.ancestors(heads.stream().filter(this.graph::contains).toList());
	}

}
