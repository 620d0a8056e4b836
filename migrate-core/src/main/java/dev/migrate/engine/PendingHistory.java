package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.table.TableNames;

/**
 * Failure rows that could not be written on the run's connection because it was lost (the
 * backend was terminated, the server restarted): written on a new connection at once, or, while
 * the database stays unreachable, kept and written by the next run of the same engine once it
 * holds the lock.
 */
final class PendingHistory {

	private final RunLogger log = new RunLogger();

	private final TableNames names;

	private final String instance;

	private final Connections connections;

	private final List<HistoryRecord> pending = new ArrayList<>();

	PendingHistory(TableNames names, String instance, Connections connections) {
		this.names = names;
		this.instance = instance;
		this.connections = connections;
	}

	/**
	 * Write a failure row on a new connection, or keep it for the next run.
	 * @param record the row
	 * @param cause why it could not be written on the run's connection
	 */
	void writeElsewhere(HistoryRecord record, Exception cause) {
		try (Connection connection = this.connections.open()) {
			connection.setAutoCommit(true);
			write(connection, record);
		}
		catch (SQLException | RuntimeException ex) {
			synchronized (this.pending) {
				this.pending.add(record);
			}
			this.log.warn("Could not record the failure of revision {} in the history table ({}; then {}); the next "
					+ "run records it", record.revision(), cause.getMessage(), ex.getMessage());
		}
	}

	/**
	 * Write the rows kept by earlier runs, in autocommit.
	 * @param connection the run's connection, holding the lock, its tables in place
	 */
	void flush(Connection connection) {
		List<HistoryRecord> rows;
		synchronized (this.pending) {
			rows = List.copyOf(this.pending);
		}
		for (HistoryRecord record : rows) {
			try {
				write(connection, record);
				synchronized (this.pending) {
					this.pending.remove(record);
				}
			}
			catch (SQLException | RuntimeException ex) {
				this.log.warn("Could not record the earlier failure of revision {} in the history table: {}",
						record.revision(), ex.getMessage());
				return;
			}
		}
	}

	private void write(Connection connection, HistoryRecord record) throws SQLException {
		try (RunRecorder recorder = new RunRecorder(connection, this.names, this.instance)) {
			recorder.record(record);
		}
	}

}
