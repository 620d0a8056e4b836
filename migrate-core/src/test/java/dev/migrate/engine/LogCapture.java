package dev.migrate.engine;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures what a piece of code logs on one logger, as formatted messages.
 */
final class LogCapture {

	private LogCapture() {
	}

	/**
	 * Run code and return the messages it logged on a logger.
	 * @param loggerName the logger, e.g. {@code dev.migrate.runtime}
	 * @param code the code
	 * @return the formatted messages, in order
	 */
	static List<String> messages(String loggerName, Runnable code) {
		Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			code.run();
		}
		finally {
			logger.detachAppender(appender);
		}
		return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
