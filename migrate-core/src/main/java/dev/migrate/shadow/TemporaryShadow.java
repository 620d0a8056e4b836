package dev.migrate.shadow;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.table.TableNames;

/**
 * A temporary shadow database {@code migrate_shadow_<12 hex digits>} created on the server and
 * dropped when closed, or by a shutdown hook when the JVM exits before that. It is a copy of
 * {@code template0} (what a new database holds, whatever was added to {@code template1}), copied
 * through the WAL: the other strategy, {@code FILE_COPY}, makes the server checkpoint twice, which
 * takes seconds on a busy server.
 */
final class TemporaryShadow implements ShadowDatabase {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.shadow");

	private static final SecureRandom random = new SecureRandom();

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private final DataSource server;

	private final String name;

	private final AtomicBoolean dropped = new AtomicBoolean();

	private final Thread shutdownHook;

	private @Nullable DataSource dataSource;

	private TemporaryShadow(DataSource server, String name) {
		this.server = server;
		this.name = name;
		this.shutdownHook = new Thread(this::dropAtExit, "migrate-shadow-drop");
	}

	static TemporaryShadow create(DataSource server, DatabaseConnector connector, Vocabulary vocabulary) {
		TemporaryShadow shadow = new TemporaryShadow(server,
				"migrate_shadow_" + HexFormat.of().formatHex(randomBytes()));
		Runtime.getRuntime().addShutdownHook(shadow.shutdownHook);
		try {
			shadow.createDatabase(vocabulary);
		}
		catch (RuntimeException ex) {
			shadow.dropped.set(true);
			shadow.removeHook();
			throw ex;
		}
		try {
			shadow.dataSource = new ShadowConnections(connector.connect(shadow.name));
		}
		catch (RuntimeException ex) {
			shadow.closeAfter(ex);
			throw ex;
		}
		logger.info("Created temporary shadow database \"{}\"", shadow.name);
		return shadow;
	}

	private void createDatabase(Vocabulary vocabulary) {
		String role = null;
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			role = currentUser(statement);
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			statement.execute(
					"CREATE DATABASE " + TableNames.quoteIdentifier(this.name) + " TEMPLATE template0 STRATEGY WAL_LOG");
		}
		catch (SQLException ex) {
			if (INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
				throw new MigrateException(ErrorCode.DATABASE, "Cannot create a temporary shadow database: the role "
						+ ((role != null) ? "\"" + role + "\" " : "") + "may not CREATE DATABASE (" + ex.getMessage()
						+ ")",
						"Give migrate an empty database of its own to use as the shadow with "
								+ vocabulary.setting(Setting.SHADOW_URL) + ", or let the role create databases (ALTER ROLE "
								+ ((role != null) ? TableNames.quoteIdentifier(role) : "<role>") + " CREATEDB)",
						ex);
			}
			throw new MigrateException(ErrorCode.DATABASE,
					"Cannot create a temporary shadow database \"" + this.name + "\": " + ex.getMessage(),
					"Check the connection, or give migrate an empty database to use as the shadow with "
							+ vocabulary.setting(Setting.SHADOW_URL),
					ex);
		}
	}

	/** Close after a failure, keeping the failure as the one thrown. */
	void closeAfter(RuntimeException failure) {
		try {
			close();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String currentUser(Statement statement) throws SQLException {
		try (ResultSet result = statement.executeQuery("SELECT current_user")) {
			result.next();
			return result.getString(1);
		}
	}

	/** The database's name. */
	String name() {
		return this.name;
	}

	@Override
	public DataSource dataSource() {
		// set by create(...) before the shadow is handed out
		return Objects.requireNonNull(this.dataSource);
	}

	@Override
	public String describe() {
		return "temporary database \"" + this.name + "\"";
	}

	@Override
	public void close() {
		if (!this.dropped.compareAndSet(false, true)) {
			return;
		}
		removeHook();
		drop();
	}

	private void removeHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs and finds the database dropped.
		}
	}

	private void dropAtExit() {
		if (this.dropped.compareAndSet(false, true)) {
			try {
				drop();
			}
			catch (MigrateException ex) {
				System.err.println(ex.getMessage());
			}
		}
	}

	private void drop() {
		String sql = "DROP DATABASE IF EXISTS " + TableNames.quoteIdentifier(this.name) + " WITH (FORCE)";
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			statement.execute(sql);
			logger.info("Dropped temporary shadow database \"{}\"", this.name);
		}
		catch (SQLException ex) {
			throw new MigrateException(ErrorCode.DATABASE,
					"Could not drop the temporary shadow database \"" + this.name + "\": " + ex.getMessage(),
					"Drop it yourself: " + sql, ex);
		}
	}

}
