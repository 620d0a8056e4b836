package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;

/**
 * Accepts the current checksums of edited applied revisions on purpose: under the migration
 * lock, one {@code accept_checksum} history row per revision, carrying the new checksum, which
 * later validations compare against.
 */
final class ChecksumAcceptor {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	private final MigrateSettings settings;

	private final RevisionGraph graph;

	private final TableNames names;

	private final Connections connections;

	private final MigrationListener listener;

	private final StateValidator validator;

	private final StateReader reader;

	private final SchemaCreator creator;

	ChecksumAcceptor(MigrateSettings settings, RevisionGraph graph, TableNames names, Connections connections,
			MigrationListener listener, StateValidator validator) {
		this.settings = settings;
		this.graph = graph;
		this.names = names;
		this.connections = connections;
		this.listener = listener;
		this.validator = validator;
		this.reader = new StateReader(names);
		this.creator = new SchemaCreator(names, this.reader);
	}

	/**
	 * Accept checksums.
	 * @param ids revision ids or prefixes; empty for every applied revision whose checksum differs
	 */
	void accept(List<String> ids) {
		try (Connection connection = this.connections.open()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			AdvisoryLock lock = AdvisoryLock.forTables(connection, this.settings.lockKey(), this.names, this.listener);
			lock.acquire(connection, this.settings.lockTimeout(), this.settings.vocabulary());
			try (RunRecorder recorder = new RunRecorder(connection, this.names, this.settings.instance())) {
				DatabaseState state = this.reader.read(connection);
				this.validator.checkRows(state);
				List<Revision> accepted = select(ids, state);
				if (accepted.isEmpty()) {
					if (ids.isEmpty()) {
						logger.info("No checksum to accept: every applied revision matches its recorded checksum");
					}
					else {
						List<String> named = ids.stream().map((id) -> this.graph.lookup(id).id()).toList();
						logger.info((named.size() == 1)
								? "No checksum to accept: the checksum of {} does not differ from the recorded one"
								: "No checksum to accept: the checksums of {} do not differ from the recorded ones",
								String.join(", ", named));
					}
					return;
				}
				this.creator.ensureTables(connection);
				connection.setAutoCommit(false);
				Instant now = Instant.now();
				for (Revision revision : accepted) {
					recorder.record(new HistoryRecord(revision.id(), HistoryTableSql.ACCEPT_CHECKSUM,
							revision.message(), revision.checksum(), now, now, true, null));
				}
				connection.commit();
				for (Revision revision : accepted) {
					logger.info("Accepted the checksum of {} ({}): was {}, now {}", revision.id(), revision.source(),
							state.recordedChecksums().get(revision.id()), revision.checksum());
				}
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
					connection.setAutoCommit(true);
				}
				lock.release(connection);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw DatabaseErrors.wrap(ex, "accepting checksums", this.settings.vocabulary());
		}
	}

	private List<Revision> select(List<String> ids, DatabaseState state) {
		if (ids.isEmpty()) {
			return this.validator.drifts(state).stream().map(ChecksumDrift::revision).toList();
		}
		Set<String> applied = this.validator.applied(state.heads());
		List<Revision> selected = new ArrayList<>();
		for (String id : ids) {
			Revision revision = this.graph.lookup(id);
			if (!applied.contains(revision.id())) {
				throw new MigrateException(ErrorCode.INVALID_TARGET,
						"Cannot accept the checksum of revision " + revision.id() + " (" + revision.source()
								+ "): it is not applied to this database (current: "
								+ (state.heads().isEmpty() ? "base" : String.join(", ", state.heads())) + ")",
						"Accept checksums only of applied revisions; a pending revision is validated when it runs");
			}
			if (revision.checksum() == null) {
				logger.info("Revision {} ({}) has no checksum (Java revision); nothing to accept", revision.id(),
						revision.source());
			}
			else if (!revision.checksum().equals(state.recordedChecksums().get(revision.id()))) {
				selected.add(revision);
			}
		}
		return selected;
	}

}
