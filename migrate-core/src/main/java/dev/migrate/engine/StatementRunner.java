package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.plan.Step;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;

/**
 * Runs the statements of one step on the run's connection, one at a time (several statements
 * in one query string would form an implicit transaction, which {@code CREATE INDEX
 * CONCURRENTLY} refuses), reporting each to the listener. Transaction control is the caller's.
 */
final class StatementRunner {

	private final MigrationListener listener;

	StatementRunner(MigrationListener listener) {
		this.listener = listener;
	}

	/**
	 * Run a script.
	 * @param connection the run's connection
	 * @param step the step being run, for events
	 * @param script the script, or {@code null} for none (a stamp)
	 * @throws StatementFailure when a statement or the Java revision fails
	 */
	void run(Connection connection, Step step, @Nullable RevisionScript script) throws StatementFailure {
		run(connection, step, script, null);
	}

	/**
	 * Run a script, sending a setup statement first.
	 * @param connection the run's connection
	 * @param step the step being run, for events
	 * @param script the script, or {@code null} for none (a stamp)
	 * @param setup a statement to run first (e.g. {@code SET LOCAL lock_timeout}), or {@code null};
	 * it travels in the same round trip as the first SQL statement (pgjdbc sends the statements of
	 * one string as separate queries, so the server still reports positions within the revision's
	 * statement)
	 * @throws StatementFailure when a statement or the Java revision fails
	 */
	void run(Connection connection, Step step, @Nullable RevisionScript script, @Nullable String setup)
			throws StatementFailure {
		if (script instanceof RevisionScript.Sql sql && !sql.statements().isEmpty()) {
			runSql(connection, step, sql.statements(), setup);
			return;
		}
		if (setup != null) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(setup);
			}
			catch (SQLException ex) {
				throw new StatementFailure(0, 0, null, ex);
			}
		}
		if (script instanceof RevisionScript.Java java) {
			runJava(connection, step, java);
		}
	}

	private void runSql(Connection connection, Step step, List<SqlStatement> statements, @Nullable String setup)
			throws StatementFailure {
		int count = statements.size();
		Statement jdbc;
		try {
			jdbc = connection.createStatement();
			jdbc.setEscapeProcessing(false);
		}
		catch (SQLException ex) {
			throw new StatementFailure(1, count, statements.get(0), ex);
		}
		try (jdbc) {
			for (int i = 0; i < count; i++) {
				SqlStatement statement = statements.get(i);
				this.listener.onEvent(new MigrationEvent.StatementStarted(step, i + 1, count, statement.line()));
				try {
					jdbc.execute((i == 0 && setup != null) ? setup + ";" + statement.sql() : statement.sql());
				}
				catch (SQLException ex) {
					throw new StatementFailure(i + 1, count, statement, ex);
				}
			}
		}
		catch (SQLException ex) {
			// closing the statement failed; the connection is probably gone and the caller finds out
		}
	}

	private void runJava(Connection connection, Step step, RevisionScript.Java java) throws StatementFailure {
		this.listener.onEvent(new MigrationEvent.StatementStarted(step, 1, 1, 0));
		try {
			if (java.upgrade()) {
				java.revision().upgrade(connection);
			}
			else {
				java.revision().downgrade(connection);
			}
		}
		catch (Exception | Error ex) {
			// an Error too: the step is rolled back and recorded as failed before it goes on
			throw new StatementFailure(1, 1, null, ex);
		}
	}

}
