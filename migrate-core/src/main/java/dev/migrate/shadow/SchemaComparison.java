package dev.migrate.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.schema.CatalogReader;
import dev.migrate.schema.SchemaCatalog;
import dev.migrate.schema.SchemaChange;
import dev.migrate.schema.SchemaDiff;

/**
 * Reads the catalogs of two databases in the same scope and diffs them, reading the first while
 * the second is being built. The scope is the
 * settings' schema, else the current schema of the first database's connections (so that a
 * shadow whose connections see another search_path is read in the same schema); the version
 * and history tables are left out of both.
 */
final class SchemaComparison {

	private SchemaComparison() {
	}

	/**
	 * The steps that turn the first database's schema into the second's, once the second is
	 * built. The first database's catalog is read on a thread of its own while {@code build}
	 * runs (building a shadow mostly waits for the server's disk), then the second's is read.
	 * @param current the database as it is
	 * @param currentName the first database in messages
	 * @param desired the database as it should be
	 * @param desiredName the second database in messages
	 * @param settings the schema and table names
	 * @param build builds the second database (applies a schema or replays revisions into it)
	 * @return the steps, empty when the schemas do not differ
	 */
	static List<SchemaChange> between(DataSource current, String currentName, DataSource desired, String desiredName,
			MigrateSettings settings, Runnable build) {
		Set<String> excluded = Set.of(settings.versionTable(), settings.historyTable());
		List<String> scope;
		Connection connection;
		try {
			connection = current.getConnection();
			try {
				scope = List.of((settings.schema() != null) ? settings.schema() : currentSchema(connection));
			}
			catch (SQLException ex) {
				closeAfter(connection, ex);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw unreadable(currentName, ex);
		}
		FutureTask<SchemaCatalog> currentRead = new FutureTask<>(() -> {
			try (connection) {
				return CatalogReader.read(connection, scope, excluded);
			}
		});
		Thread reader = new Thread(currentRead, "migrate-catalog-read");
		reader.setDaemon(true);
		reader.start();
		try {
			build.run();
		}
		catch (RuntimeException ex) {
			try {
				currentRead.get();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ignored) {
				// the build's failure is the one reported
			}
			throw ex;
		}
		SchemaCatalog desiredCatalog;
		try (Connection desiredConnection = desired.getConnection()) {
			desiredCatalog = CatalogReader.read(desiredConnection, scope, excluded);
		}
		catch (SQLException ex) {
			throw unreadable(desiredName, ex);
		}
		return SchemaDiff.between(awaitCatalog(currentRead, currentName), desiredCatalog);
	}

	private static SchemaCatalog awaitCatalog(FutureTask<SchemaCatalog> read, String database) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException(ErrorCode.DATABASE, "Interrupted while reading the schema of " + database,
					"Run the command again", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof SQLException sql) {
				throw unreadable(database, sql);
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	private static void closeAfter(Connection connection, SQLException failure) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_schema()")) {
			result.next();
			String schema = result.getString(1);
			return (schema != null) ? schema : "public";
		}
	}

	private static MigrateException unreadable(String database, SQLException ex) {
		return new MigrateException(ErrorCode.DATABASE, "Cannot read the schema of " + database + ": " + ex.getMessage(),
				"Check the connection and that the role may read the catalog", ex);
	}

}
