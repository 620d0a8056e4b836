package dev.migrate.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.table.TableNames;

/**
 * A shadow database given for the purpose (the shadow URL setting): refused when it is the target
 * database or holds anything a new database does not, and emptied when closed (every schema but
 * the system ones dropped with what is in it, every extension but {@code plpgsql} dropped, and an
 * empty {@code public} schema created again).
 */
final class ProvidedShadow implements ShadowDatabase {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.shadow");

	private static final String IDENTITY = "SELECT current_database(), inet_server_port(), pg_postmaster_start_time()";

	private static final String CONTENTS = """
			WITH public_schema AS (SELECT oid FROM pg_namespace WHERE nspname = 'public')
			SELECT 'schema ' || quote_ident(nspname) FROM pg_namespace
			 WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
			UNION ALL SELECT 'extension ' || quote_ident(extname) FROM pg_extension WHERE extname <> 'plpgsql'
			UNION ALL SELECT 'relation ' || c.oid::regclass FROM pg_class c, public_schema s WHERE c.relnamespace = s.oid
			UNION ALL SELECT 'type ' || t.oid::regtype FROM pg_type t, public_schema s
			 WHERE t.typnamespace = s.oid AND t.typrelid = 0 AND t.typcategory <> 'A'
			UNION ALL SELECT 'routine ' || p.oid::regprocedure FROM pg_proc p, public_schema s WHERE p.pronamespace = s.oid
			LIMIT 6""";

	private static final String SCHEMAS = "SELECT nspname FROM pg_namespace WHERE nspname <> 'information_schema' "
			+ "AND nspname NOT LIKE 'pg\\_%'";

	private static final String EXTENSIONS = "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'";

	private final DataSource dataSource;

	private final String display;

	private boolean closed;

	private ProvidedShadow(DataSource dataSource, String display) {
		this.dataSource = new ShadowConnections(dataSource);
		this.display = display;
	}

	static ProvidedShadow open(DataSource shadow, String display, DataSource target, Vocabulary vocabulary) {
		Objects.requireNonNull(shadow, "'shadow' must not be null");
		String setting = vocabulary.setting(Setting.SHADOW_URL);
		try (Connection connection = shadow.getConnection(); Statement statement = connection.createStatement()) {
			if (identity(statement).equals(identityOf(target))) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The shadow database " + display + " (" + setting + ") is the database the command works on",
						"Give " + setting + " an empty database of its own: migrate empties it after each use");
			}
			List<String> contents = strings(statement, CONTENTS);
			if (!contents.isEmpty()) {
				String listed = String.join(", ", contents.subList(0, Math.min(5, contents.size())))
						+ ((contents.size() > 5) ? ", ..." : "");
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The shadow database " + display + " (" + setting + ") is not empty: it holds " + listed,
						"Give " + setting + " an empty database of its own (createdb <name>): migrate empties it after "
								+ "each use and never uses one that holds anything");
			}
		}
		catch (SQLException ex) {
			throw new MigrateException(ErrorCode.DATABASE,
					"Cannot use the shadow database " + display + " (" + setting + "): " + ex.getMessage(),
					"Check " + setting + " and that the database exists", ex);
		}
		logger.info("Using shadow database {}", display);
		return new ProvidedShadow(shadow, display);
	}

	private static List<String> identity(Statement statement) throws SQLException {
		try (ResultSet result = statement.executeQuery(IDENTITY)) {
			result.next();
			return List.of(result.getString(1), String.valueOf(result.getObject(2)), result.getString(3));
		}
	}

	private static List<String> identityOf(DataSource target) throws SQLException {
		try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
			return identity(statement);
		}
	}

	private static List<String> strings(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String describe() {
		return "shadow database " + this.display;
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			for (String schema : strings(statement, SCHEMAS)) {
				statement.execute("DROP SCHEMA " + TableNames.quoteIdentifier(schema) + " CASCADE");
			}
			for (String extension : strings(statement, EXTENSIONS)) {
				statement.execute("DROP EXTENSION IF EXISTS " + TableNames.quoteIdentifier(extension) + " CASCADE");
			}
			statement.execute("CREATE SCHEMA IF NOT EXISTS public");
		}
		catch (SQLException ex) {
			throw new MigrateException(ErrorCode.DATABASE,
					"Could not empty the shadow database " + this.display + ": " + ex.getMessage(),
					"Empty it yourself (or drop and create it again) before the next use; the role needs to own it", ex);
		}
	}

}
