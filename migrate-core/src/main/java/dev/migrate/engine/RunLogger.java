package dev.migrate.engine;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.plan.Step;

/**
 * Logs each step as Alembic does ({@code Running upgrade 1975ea83b712 -> ae1027a6acf0, add
 * column}) and then its duration, on the logger {@code dev.migrate.runtime}.
 */
final class RunLogger {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	void stepStarted(Step step) {
		logger.info(step.describe());
	}

	void stepFinished(Step step, Duration duration) {
		if (logger.isInfoEnabled()) {
			logger.info("Finished {} in {} ms", subject(step), duration.toMillis());
		}
	}

	void stepRetrying(Step step, int attempt, Duration backoff, String error) {
		logger.warn("{} hit lock_timeout (attempt {}: {}); rolled back, retrying in {} ms", subject(step), attempt,
				error, backoff.toMillis());
	}

	void warn(String message, @Nullable Object... arguments) {
		logger.warn(message, arguments);
	}

	private static String subject(Step step) {
		String verb = switch (step.direction()) {
			case UPGRADE -> "upgrade";
			case DOWNGRADE -> "downgrade";
			case STAMP -> "stamp";
		};
		return verb + " " + ((step.revision() != null) ? step.revision().id() : "to base");
	}

}
