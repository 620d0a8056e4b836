package dev.migrate.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The data source of commands that run without a database ({@code history}, {@code --sql},
 * {@code revision}...): they never connect, and if one did, it would fail saying that no database
 * was given.
 */
final class NoDatabaseDataSource implements DataSource {

	@Override
	public Connection getConnection() throws SQLException {
		throw new SQLException("No database was given; pass --url or set DATABASE_URL");
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	@Override
	public @Nullable PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		throw new SQLException("Not a wrapper of " + iface.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return false;
	}

}
