package dev.migrate.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.MigrateException;
import dev.migrate.Redaction;

/**
 * Turns a {@link MigrateException} anywhere in a startup failure's cause chain into its
 * description (revision, file, statement and line, SQLSTATE and server message, as the engine
 * words them) and action.
 */
final class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
		String description = "Database migration failed (" + cause.code() + "): " + cause.description();
		String action = (cause.action() != null && !cause.action().isEmpty()) ? cause.action()
				: "Check the revisions and the migrate.* configuration, then start the application again.";
		return new FailureAnalysis(Redaction.redact(description), Redaction.redact(action), cause);
	}

}
