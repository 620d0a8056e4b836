package dev.migrate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrate.AppliedRevision;
import dev.migrate.ErrorCode;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationStatus;
import dev.migrate.MigrationStatus.State;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Planner;
import dev.migrate.revision.Revision;
import dev.migrate.table.TableNames;

/**
 * Reads where the database stands against a target, without the lock and without writing.
 * Problems of the database state (unknown or overlapping rows, edited revisions, several heads
 * for {@code head}) are reported in the status, never thrown.
 */
final class StatusReporter {

	private final MigrateSettings settings;

	private final RevisionGraph graph;

	private final TableNames names;

	private final Connections connections;

	private final StateValidator validator;

	private final StateReader reader;

	private final HistoryReader history;

	StatusReporter(MigrateSettings settings, RevisionGraph graph, TableNames names, Connections connections,
			StateValidator validator) {
		this.settings = settings;
		this.graph = graph;
		this.names = names;
		this.connections = connections;
		this.validator = validator;
		this.reader = new StateReader(names);
		this.history = new HistoryReader(names);
	}

	MigrationStatus status(String target) {
		return this.connections.read("reading the migration state", (connection) -> {
			DatabaseState state = this.reader.read(connection);
			Map<String, AppliedRevision> upgrades = state.historyTableExists() ? this.history.lastUpgrades(connection)
					: Map.of();
			LockHolder lock = AdvisoryLock
				.forTables(connection, this.settings.lockKey(), this.names, MigrationListener.NONE)
				.holder(connection);
			return status(target, state, upgrades, lock);
		});
	}

	private MigrationStatus status(String target, DatabaseState state, Map<String, AppliedRevision> upgrades,
			@Nullable LockHolder lock) {
		List<String> problems = new ArrayList<>();
		List<Revision> pending = List.of();
		State summary;
		List<String> unknown = this.validator.unknownRows(state);
		if (!unknown.isEmpty()) {
			summary = State.UNKNOWN_REVISION;
			problems.add(problem(() -> this.validator.checkRows(state)));
		}
		else {
			summary = null;
			try {
				this.validator.checkRows(state);
				if (this.settings.validateChecksums()) {
					List<ChecksumDrift> drifts = this.validator.drifts(state);
					if (!drifts.isEmpty()) {
						summary = State.DRIFT;
						drifts.forEach((drift) -> problems.add("Revision " + drift + " was edited after it was applied"));
					}
				}
				try {
					Plan plan = new Planner(this.graph, this.settings.vocabulary()).upgrade(state.headSet(), target);
					pending = Engine.revisionsOf(plan);
					if (summary == null) {
						summary = plan.isEmpty() ? State.UP_TO_DATE : State.PENDING;
					}
				}
				catch (MigrateException ex) {
					if (ex.code() != ErrorCode.MULTIPLE_HEADS) {
						throw ex;
					}
					problems.add(ex.description());
					if (summary == null) {
						summary = State.MULTIPLE_HEADS;
					}
				}
			}
			catch (MigrateException ex) {
				if (ex.code() != ErrorCode.OVERLAPPING_HEADS) {
					throw ex;
				}
				summary = State.DRIFT;
				problems.add(ex.description());
			}
		}
		return new MigrationStatus(summary, state.heads(), this.graph.heads(), pending, applied(state, upgrades), lock,
				problems);
	}

	private List<AppliedRevision> applied(DatabaseState state, Map<String, AppliedRevision> upgrades) {
		List<AppliedRevision> applied = new ArrayList<>();
		for (String id : this.validator.applied(state.heads())) {
			Revision revision = this.graph.get(id);
			AppliedRevision upgrade = upgrades.get(id);
			String checksum = state.recordedChecksums().get(id);
			applied.add((upgrade != null)
					? new AppliedRevision(id, revision.message(), upgrade.appliedAt(), upgrade.appliedBy(),
							upgrade.executionMs(), (checksum != null) ? checksum : upgrade.checksum())
					: new AppliedRevision(id, revision.message(), null, null, null, checksum));
		}
		return applied;
	}

	private static String problem(Runnable check) {
		try {
			check.run();
			return "";
		}
		catch (MigrateException ex) {
			return ex.description();
		}
	}

}
