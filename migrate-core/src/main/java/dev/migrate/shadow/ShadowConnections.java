package dev.migrate.shadow;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Connections to a shadow database whose commits do not wait for the WAL to reach the disk
 * ({@code synchronous_commit = off} for the session): what a shadow holds is thrown away, so a
 * crash may lose it, and replaying revisions (a commit each) or applying a script then costs no
 * disk flush per commit.
 */
final class ShadowConnections implements DataSource {

	private static final String ASYNCHRONOUS_COMMIT = "SET synchronous_commit = off";

	private final DataSource dataSource;

	ShadowConnections(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return prepared(this.dataSource.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return prepared(this.dataSource.getConnection(username, password));
	}

	private static Connection prepared(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(ASYNCHRONOUS_COMMIT);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			try {
				connection.close();
			}
			catch (SQLException close) {
				ex.addSuppressed(close);
			}
			throw ex;
		}
		return connection;
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.dataSource.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.dataSource.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.dataSource.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.dataSource.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.dataSource.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : this.dataSource.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.dataSource.isWrapperFor(type);
	}

}
