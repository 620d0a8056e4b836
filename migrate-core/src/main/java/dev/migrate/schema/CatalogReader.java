package dev.migrate.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrate.schema.SchemaCatalog.Column;
import dev.migrate.schema.SchemaCatalog.Comment;
import dev.migrate.schema.SchemaCatalog.Constraint;
import dev.migrate.schema.SchemaCatalog.EnumType;
import dev.migrate.schema.SchemaCatalog.Extension;
import dev.migrate.schema.SchemaCatalog.Index;
import dev.migrate.schema.SchemaCatalog.Name;
import dev.migrate.schema.SchemaCatalog.Routine;
import dev.migrate.schema.SchemaCatalog.Sequence;
import dev.migrate.schema.SchemaCatalog.Table;
import dev.migrate.schema.SchemaCatalog.Trigger;
import dev.migrate.schema.SchemaCatalog.View;

/**
 * Reads the schemas in scope of a PostgreSQL database into a {@link SchemaCatalog}, with a
 * fixed number of catalog queries whatever the number of objects. Objects that belong to an
 * extension, and the tables named in {@code excludedTables} (migrate's version and history
 * tables) with everything on them, are left out.
 *
 * <p>
 * While it reads, the connection's {@code search_path} is set to the schema in scope (or to
 * none when several are), so PostgreSQL's deparsers name objects of that schema without
 * qualification; it is set back afterwards.
 */
public final class CatalogReader {

	private static final String NOT_EXTENSION_MEMBER = " NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = %s "
			+ "AND x.objid = %s AND x.deptype = 'e') ";

	private final Connection connection;

	private final String[] scope;

	private final @Nullable String defaultSchema;

	private final Set<String> excludedTables;

	/** Relations read so far, by oid: tables, views, materialized views, indexes, sequences. */
	private final Map<Long, Relation> relations = new HashMap<>();

	private final Map<String, String[]> commentTargets = new HashMap<>();

	private CatalogReader(Connection connection, List<String> schemas, Set<String> excludedTables) {
		this.connection = connection;
		this.scope = schemas.toArray(String[]::new);
		this.defaultSchema = (schemas.size() == 1) ? schemas.get(0) : null;
		this.excludedTables = Set.copyOf(excludedTables);
	}

	/**
	 * Read the catalog.
	 * @param connection an open connection; its transaction state is left as found
	 * @param schemas the schemas in scope, or an empty list for the connection's current schema
	 * @param excludedTables names of tables to leave out, unqualified ({@code migrate_version})
	 * or qualified ({@code app.migrate_version})
	 * @return the catalog
	 * @throws SQLException when a catalog query fails
	 */
	public static SchemaCatalog read(Connection connection, List<String> schemas, Set<String> excludedTables)
			throws SQLException {
		List<String> scope = (schemas == null || schemas.isEmpty()) ? List.of(currentSchema(connection))
				: List.copyOf(schemas);
		return new CatalogReader(connection, scope, (excludedTables != null) ? excludedTables : Set.of()).read();
	}

	private static String currentSchema(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_schema()");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			String schema = rs.getString(1);
			if (schema == null) {
				throw new SQLException("The connection has no current schema (no schema of its search_path exists); "
						+ "name the schemas to read");
			}
			return schema;
		}
	}

	private SchemaCatalog read() throws SQLException {
		String searchPath = single("SELECT current_setting('search_path')");
		setSearchPath((this.defaultSchema != null) ? Identifiers.quote(this.defaultSchema) : "");
		try {
			List<String> schemas = readSchemas();
			List<Extension> extensions = readExtensions();
			List<EnumType> enums = readEnums();
			List<Table> tables = readTables();
			List<Sequence> sequences = readSequences();
			List<View> views = readViews();
			List<Index> indexes = readIndexes();
			List<Routine> routines = readRoutines();
			List<Trigger> triggers = readTriggers();
			List<Comment> comments = readComments();
			return new SchemaCatalog(this.defaultSchema, schemas, extensions, enums, sequences, tables, indexes, views,
					routines, triggers, comments);
		}
		finally {
			setSearchPath(searchPath);
		}
	}

	private void setSearchPath(String value) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, value);
			statement.executeQuery().close();
		}
	}

	private String single(String sql) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	private interface RowReader {

		void read(ResultSet rs) throws SQLException;

	}

	private void query(String sql, RowReader reader) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			Array array = this.connection.createArrayOf("text", this.scope);
			statement.setArray(1, array);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					reader.read(rs);
				}
			}
		}
	}

	private Name name(String schema, String name) {
		return new Name(schema, name, !schema.equals(this.defaultSchema));
	}

	private boolean excluded(String schema, String table) {
		return this.excludedTables.contains(table) || this.excludedTables.contains(schema + "." + table);
	}

	private List<String> readSchemas() throws SQLException {
		Set<String> existing = new java.util.HashSet<>();
		query("SELECT nspname FROM pg_namespace WHERE nspname = ANY(?)", (rs) -> existing.add(rs.getString(1)));
		return Arrays.stream(this.scope).filter(existing::contains).toList();
	}

	private List<Extension> readExtensions() throws SQLException {
		List<Extension> extensions = new ArrayList<>();
		query("SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
				+ "WHERE e.extname <> 'plpgsql' AND cardinality(?::text[]) >= 0 ORDER BY e.extname",
				(rs) -> extensions.add(new Extension(rs.getString(1), rs.getString(2),
						rs.getString(2).equals(this.defaultSchema))));
		return extensions;
	}

	private List<EnumType> readEnums() throws SQLException {
		List<EnumType> enums = new ArrayList<>();
		query("SELECT t.oid, n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) "
				+ "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid "
				+ "WHERE n.nspname = ANY(?) AND " + notMember("pg_type", "t.oid")
				+ "GROUP BY t.oid, n.nspname, t.typname ORDER BY n.nspname, t.typname", (rs) -> {
					Name name = name(rs.getString(2), rs.getString(3));
					enums.add(new EnumType(name, Arrays.asList((String[]) rs.getArray(4).getArray())));
					this.commentTargets.put(key("pg_type", rs.getLong(1), 0),
							new String[] { "TYPE " + name.sql(), "type:" + key(name) });
				});
		return enums;
	}

	private static String notMember(String catalog, String oid) {
		return String.format(NOT_EXTENSION_MEMBER, "'" + catalog + "'::regclass", oid);
	}

	private List<Table> readTables() throws SQLException {
		Map<Long, Table> tables = new LinkedHashMap<>();
		query("SELECT c.oid, n.nspname, c.relname, CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
				+ "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, pn.nspname, pc.relname "
				+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid "
				+ "LEFT JOIN pg_class pc ON pc.oid = i.inhparent LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
				+ "WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(?) AND " + notMember("pg_class", "c.oid")
				+ "ORDER BY n.nspname, c.relname", (rs) -> {
					if (excluded(rs.getString(2), rs.getString(3))) {
						return;
					}
					Name name = name(rs.getString(2), rs.getString(3));
					Name parent = (rs.getString(7) != null) ? name(rs.getString(6), rs.getString(7)) : null;
					long oid = rs.getLong(1);
					tables.put(oid, new Table(name, rs.getString(4), parent, rs.getString(5), List.of(), List.of()));
					this.relations.put(oid, new Relation(name, "TABLE"));
				});
		Map<Long, List<Column>> columns = readColumns(tables);
		Map<Long, List<Constraint>> constraints = readConstraints(tables);
		List<Table> result = new ArrayList<>(tables.size());
		tables.forEach((oid, table) -> result.add(new Table(table.name(), table.partitionKey(), table.partitionOf(),
				table.partitionBound(), columns.getOrDefault(oid, List.of()), constraints.getOrDefault(oid, List.of()))));
		return result;
	}

	private Map<Long, List<Column>> readColumns(Map<Long, Table> tables) throws SQLException {
		Map<Long, List<Column>> columns = new HashMap<>();
		query("SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), "
				+ "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, cn.nspname, "
				+ "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, "
				+ "CASE WHEN a.attgenerated = 's' THEN pg_get_expr(d.adbin, d.adrelid) END, a.attnotnull, a.attidentity "
				+ "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "JOIN pg_type t ON t.oid = a.atttypid "
				+ "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
				+ "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
				+ "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace "
				+ "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY(?) "
				+ "ORDER BY a.attrelid, a.attnum", (rs) -> {
					long oid = rs.getLong(1);
					Table table = tables.get(oid);
					if (table == null) {
						return;
					}
					String column = rs.getString(3);
					this.commentTargets.put(key("pg_class", oid, rs.getInt(2)),
							new String[] { "COLUMN " + table.name().sql() + "." + Identifiers.quote(column),
									"column:" + key(table.name()) + "." + column });
					if (table.partitionOf() != null) {
						return;
					}
					String collation = null;
					if (rs.getString(5) != null) {
						collation = "pg_catalog".equals(rs.getString(6)) ? Identifiers.quote(rs.getString(5))
								: name(rs.getString(6), rs.getString(5)).sql();
					}
					String identity = switch (rs.getString(10)) {
						case "a" -> "ALWAYS";
						case "d" -> "BY DEFAULT";
						default -> null;
					};
					columns.computeIfAbsent(oid, (k) -> new ArrayList<>())
						.add(new Column(column, rs.getString(4), collation, rs.getString(7), rs.getBoolean(9), identity,
								rs.getString(8)));
				});
		return columns;
	}

	private Map<Long, List<Constraint>> readConstraints(Map<Long, Table> tables) throws SQLException {
		Map<Long, List<Constraint>> constraints = new HashMap<>();
		query("SELECT k.oid, k.conrelid, k.conname, k.contype, pg_get_constraintdef(k.oid), fn.nspname, fc.relname "
				+ "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "LEFT JOIN pg_class fc ON fc.oid = k.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
				+ "WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p') AND n.nspname = ANY(?) "
				+ "AND k.conparentid = 0 AND k.conislocal ORDER BY k.conrelid, k.conname", (rs) -> {
					Table table = tables.get(rs.getLong(2));
					if (table == null) {
						return;
					}
					String name = rs.getString(3);
					Name references = (rs.getString(7) != null) ? name(rs.getString(6), rs.getString(7)) : null;
					constraints.computeIfAbsent(rs.getLong(2), (k) -> new ArrayList<>())
						.add(new Constraint(name, rs.getString(4).charAt(0), rs.getString(5), references));
					this.commentTargets.put(key("pg_constraint", rs.getLong(1), 0),
							new String[] { "CONSTRAINT " + Identifiers.quote(name) + " ON " + table.name().sql(),
									"constraint:" + key(table.name()) + "." + name });
				});
		return constraints;
	}

	private List<Sequence> readSequences() throws SQLException {
		List<Sequence> sequences = new ArrayList<>();
		query("SELECT c.oid, n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, "
				+ "s.seqmin, s.seqmax, s.seqcache, s.seqcycle, ocn.nspname, oc.relname, a.attname "
				+ "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid "
				+ "AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i') "
				+ "LEFT JOIN pg_class oc ON oc.oid = d.refobjid LEFT JOIN pg_namespace ocn ON ocn.oid = oc.relnamespace "
				+ "LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
				+ "WHERE n.nspname = ANY(?) AND (d.deptype IS NULL OR d.deptype <> 'i') AND "
				+ notMember("pg_class", "c.oid") + "ORDER BY n.nspname, c.relname", (rs) -> {
					if (rs.getString(12) != null && excluded(rs.getString(11), rs.getString(12))) {
						return;
					}
					Name name = name(rs.getString(2), rs.getString(3));
					Name owner = (rs.getString(12) != null) ? name(rs.getString(11), rs.getString(12)) : null;
					sequences.add(new Sequence(name, rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
							rs.getLong(8), rs.getLong(9), rs.getBoolean(10), owner, rs.getString(13)));
					this.relations.put(rs.getLong(1), new Relation(name, "SEQUENCE"));
				});
		return sequences;
	}

	private List<View> readViews() throws SQLException {
		Map<Long, View> views = new LinkedHashMap<>();
		query("SELECT c.oid, n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid) "
				+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY(?) AND " + notMember("pg_class", "c.oid")
				+ "ORDER BY n.nspname, c.relname", (rs) -> {
					Name name = name(rs.getString(2), rs.getString(3));
					String definition = rs.getString(5).strip();
					if (definition.endsWith(";")) {
						definition = definition.substring(0, definition.length() - 1);
					}
					views.put(rs.getLong(1), new View(name, rs.getBoolean(4), definition, List.of(), List.of()));
					this.relations.put(rs.getLong(1), new Relation(name, rs.getBoolean(4) ? "MATERIALIZED VIEW" : "VIEW"));
				});
		Map<Long, List<Name>> dependencies = new HashMap<>();
		query("SELECT DISTINCT r.ev_class, dn.nspname, dc.relname FROM pg_rewrite r "
				+ "JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid "
				+ "AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class "
				+ "JOIN pg_class dc ON dc.oid = d.refobjid JOIN pg_namespace dn ON dn.oid = dc.relnamespace "
				+ "JOIN pg_class vc ON vc.oid = r.ev_class JOIN pg_namespace vn ON vn.oid = vc.relnamespace "
				+ "WHERE vc.relkind IN ('v', 'm') AND dc.relkind IN ('r', 'p', 'v', 'm') AND vn.nspname = ANY(?) "
				+ "ORDER BY 1, 2, 3", (rs) -> dependencies.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(name(rs.getString(2), rs.getString(3))));
		Map<Long, List<String>> uses = new HashMap<>();
		query("SELECT DISTINCT u.ev_class, u.key FROM ("
				+ "SELECT r.ev_class, pn.nspname, 'routine:' || pn.nspname || '.' || p.proname || '(' "
				+ "|| oidvectortypes(p.proargtypes) || ')' AS key FROM pg_rewrite r "
				+ "JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid "
				+ "AND d.refclassid = 'pg_proc'::regclass "
				+ "JOIN pg_proc p ON p.oid = d.refobjid JOIN pg_namespace pn ON pn.oid = p.pronamespace "
				+ "UNION ALL SELECT r.ev_class, tn.nspname, 'type:' || tn.nspname || '.' || t.typname FROM pg_rewrite r "
				+ "JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid "
				+ "LEFT JOIN pg_attribute a ON d.refclassid = 'pg_class'::regclass AND a.attrelid = d.refobjid "
				+ "AND a.attnum = d.refobjsubid AND d.refobjsubid > 0 "
				+ "JOIN pg_type t ON t.oid = CASE WHEN d.refclassid = 'pg_type'::regclass THEN d.refobjid "
				+ "ELSE a.atttypid END JOIN pg_namespace tn ON tn.oid = t.typnamespace) u "
				+ "WHERE u.nspname = ANY(?) ORDER BY 1, 2", (rs) -> uses
					.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2)));
		List<View> result = new ArrayList<>(views.size());
		views.forEach((oid, view) -> result.add(new View(view.name(), view.materialized(), view.definition(),
				dependencies.getOrDefault(oid, List.of()), uses.getOrDefault(oid, List.of()))));
		return result;
	}

	private List<Index> readIndexes() throws SQLException {
		List<Index> indexes = new ArrayList<>();
		query("SELECT ic.oid, n.nspname, ic.relname, tc.relname, pg_get_indexdef(i.indexrelid), i.indisunique, am.amname, "
				+ "quote_ident(n.nspname) || '.' || quote_ident(tc.relname) "
				+ "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid "
				+ "JOIN pg_namespace n ON n.oid = tc.relnamespace JOIN pg_am am ON am.oid = ic.relam "
				+ "WHERE tc.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition AND n.nspname = ANY(?) "
				+ "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
				+ "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) AND " + notMember("pg_class", "tc.oid")
				+ "ORDER BY n.nspname, ic.relname", (rs) -> {
					if (excluded(rs.getString(2), rs.getString(4))) {
						return;
					}
					Name name = name(rs.getString(2), rs.getString(3));
					Name table = name(rs.getString(2), rs.getString(4));
					String definition = rs.getString(5).replace(" ON ONLY " + rs.getString(8) + " ", " ON " + table.sql() + " ")
						.replace(" ON " + rs.getString(8) + " ", " ON " + table.sql() + " ");
					indexes.add(new Index(name, table, definition, rs.getBoolean(6), rs.getString(7)));
					this.relations.put(rs.getLong(1), new Relation(name, "INDEX"));
				});
		return indexes;
	}

	private List<Routine> readRoutines() throws SQLException {
		List<Routine> routines = new ArrayList<>();
		query("SELECT p.oid, n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), p.prokind = 'p', "
				+ "l.lanname, pg_get_functiondef(p.oid), CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END, "
				+ "quote_ident(n.nspname) || '.' || quote_ident(p.proname), oidvectortypes(p.proargtypes), "
				+ "EXISTS (SELECT 1 FROM pg_depend d LEFT JOIN pg_constraint k ON d.classid = 'pg_constraint'::regclass "
				+ "AND k.oid = d.objid WHERE d.refclassid = 'pg_proc'::regclass AND d.refobjid = p.oid "
				+ "AND (d.classid = 'pg_attrdef'::regclass OR k.conrelid <> 0)) "
				+ "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang "
				+ "WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY(?) AND " + notMember("pg_proc", "p.oid")
				+ "ORDER BY n.nspname, p.proname, 4", (rs) -> {
					Name name = name(rs.getString(2), rs.getString(3));
					String kind = rs.getBoolean(5) ? "PROCEDURE" : "FUNCTION";
					String definition = rs.getString(7).strip();
					String prefix = "CREATE OR REPLACE " + kind + " " + rs.getString(9) + "(";
					if (definition.startsWith(prefix)) {
						definition = "CREATE OR REPLACE " + kind + " " + name.sql() + "(" + definition.substring(prefix.length());
					}
					Routine routine = new Routine(name, rs.getString(4), rs.getBoolean(5), rs.getString(6), definition,
							rs.getString(8), rs.getString(10), rs.getBoolean(11));
					routines.add(routine);
					this.commentTargets.put(key("pg_proc", rs.getLong(1), 0),
							new String[] { kind + " " + routine.signature(), "routine:" + key(name) + "(" + routine.argumentTypes() + ")" });
				});
		return routines;
	}

	private List<Trigger> readTriggers() throws SQLException {
		List<Trigger> triggers = new ArrayList<>();
		query("SELECT t.oid, n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid), "
				+ "quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
				+ "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY(?) AND "
				+ notMember("pg_class", "c.oid") + "ORDER BY n.nspname, c.relname, t.tgname", (rs) -> {
					if (excluded(rs.getString(2), rs.getString(3))) {
						return;
					}
					Name table = name(rs.getString(2), rs.getString(3));
					String definition = rs.getString(5).replace(" ON " + rs.getString(6) + " ", " ON " + table.sql() + " ");
					triggers.add(new Trigger(table, rs.getString(4), definition));
					this.commentTargets.put(key("pg_trigger", rs.getLong(1), 0),
							new String[] { "TRIGGER " + Identifiers.quote(rs.getString(4)) + " ON " + table.sql(),
									"trigger:" + key(table) + "." + rs.getString(4) });
				});
		return triggers;
	}

	private List<Comment> readComments() throws SQLException {
		List<Comment> comments = new ArrayList<>();
		query("SELECT d.classoid::regclass::text, d.objoid, d.objsubid, d.description FROM pg_description d "
				+ "WHERE d.objoid >= 16384 AND d.classoid IN ('pg_class'::regclass, 'pg_type'::regclass, "
				+ "'pg_proc'::regclass, 'pg_constraint'::regclass, 'pg_trigger'::regclass) AND cardinality(?::text[]) >= 0",
				(rs) -> {
					String catalog = rs.getString(1);
					long oid = rs.getLong(2);
					int sub = rs.getInt(3);
					String[] target = this.commentTargets.get(key(catalog, oid, sub));
					if (target == null && "pg_class".equals(catalog) && sub == 0) {
						Relation relation = this.relations.get(oid);
						if (relation != null) {
							target = new String[] { relation.kind() + " " + relation.name().sql(),
									"rel:" + key(relation.name()) };
						}
					}
					if (target != null) {
						comments.add(new Comment(target[0], target[1], rs.getString(4)));
					}
				});
		comments.sort(java.util.Comparator.comparing(Comment::target));
		return comments;
	}

	private static String key(String catalog, long oid, int sub) {
		return catalog + ":" + oid + ":" + sub;
	}

	static String key(Name name) {
		return name.schema() + "." + name.name();
	}

	private record Relation(Name name, String kind) {
	}

}
