package dev.migrate.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.schema.CatalogReader;
import dev.migrate.schema.SchemaCatalog;
import dev.migrate.schema.SchemaChange;
import dev.migrate.schema.SchemaDiff;

/**
 * Reads the catalogs of two databases in the same scope and diffs them. The scope is the
 * settings' schema, else the current schema of the first database's connections (so that a
 * shadow whose connections see another search_path is read in the same schema); the version
 * and history tables are left out of both.
 */
final class SchemaComparison {

	private SchemaComparison() {
	}

	/**
	 * The steps that turn the first database's schema into the second's.
	 * @param current the database as it is
	 * @param currentName the first database in messages
	 * @param desired the database as it should be
	 * @param desiredName the second database in messages
	 * @param settings the schema and table names
	 * @return the steps, empty when the schemas do not differ
	 */
	static List<SchemaChange> between(DataSource current, String currentName, DataSource desired, String desiredName,
			MigrateSettings settings) {
		Set<String> excluded = Set.of(settings.versionTable(), settings.historyTable());
		List<String> scope;
		SchemaCatalog currentCatalog;
		try (Connection connection = current.getConnection()) {
			scope = List.of((settings.schema() != null) ? settings.schema() : currentSchema(connection));
			currentCatalog = CatalogReader.read(connection, scope, excluded);
		}
		catch (SQLException ex) {
			throw unreadable(currentName, ex);
		}
		SchemaCatalog desiredCatalog;
		try (Connection connection = desired.getConnection()) {
			desiredCatalog = CatalogReader.read(connection, scope, excluded);
		}
		catch (SQLException ex) {
			throw unreadable(desiredName, ex);
		}
		return SchemaDiff.between(currentCatalog, desiredCatalog);
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
