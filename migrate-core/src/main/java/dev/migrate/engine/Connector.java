package dev.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;

/**
 * Opens connections from the data source. Until the database has been reached once, a
 * connection that cannot be opened is retried {@link MigrateSettings#connectRetries()} times,
 * {@link MigrateSettings#connectRetryInterval()} apart, logging each wait (a database that
 * starts after the application); afterwards a failure is reported at once. A failure says
 * why ({@link ConnectionFailure}) and names the redacted URL.
 */
final class Connector {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	private final DataSource dataSource;

	private final int retries;

	private final Duration interval;

	private final Vocabulary vocabulary;

	private volatile boolean reached;

	Connector(DataSource dataSource, MigrateSettings settings) {
		this.dataSource = dataSource;
		this.retries = settings.connectRetries();
		this.interval = settings.connectRetryInterval();
		this.vocabulary = settings.vocabulary();
	}

	/**
	 * Open a connection.
	 * @return the connection
	 * @throws MigrateException when it cannot be opened (after the retries, the first time)
	 */
	Connection connect() {
		int retry = 0;
		while (true) {
			try {
				Connection connection = this.dataSource.getConnection();
				this.reached = true;
				return connection;
			}
			catch (SQLException | RuntimeException ex) {
				if (ex instanceof RuntimeException && !causedBySqlException(ex)) {
					throw (RuntimeException) ex;
				}
				ConnectionFailure reason = ConnectionFailure.of(ex);
				String database = DataSourceDescription.of(this.dataSource);
				if (this.reached || retry >= this.retries) {
					throw reason.exception(ex, database, this.vocabulary);
				}
				retry++;
				logger.warn("{}: {}; retry {} of {} in {}", reason.what(database), ConnectionFailure.reason(ex), retry,
						this.retries, Durations.format(this.interval));
				pause(reason.exception(ex, database, this.vocabulary));
			}
		}
	}

	private void pause(MigrateException failure) {
		try {
			Thread.sleep(this.interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

	private static boolean causedBySqlException(Throwable failure) {
		for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause
			.getCause()) {
			if (cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

}
