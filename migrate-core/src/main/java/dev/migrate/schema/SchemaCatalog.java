package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a PostgreSQL database holds in the schemas in scope, as read by {@link CatalogReader}:
 * an immutable value. Two catalogs are equal when the databases hold the same objects with the
 * same definitions; {@link #withoutColumnOrder()} gives the form to compare when column order
 * does not matter (a column dropped and added again comes back last).
 *
 * <p>
 * Definitions are PostgreSQL's own deparsed text ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef},
 * {@code pg_get_functiondef}, {@code pg_get_triggerdef}), read with the search path set to the
 * schema in scope, so names are schema-qualified only when they live in another schema.
 *
 * @param defaultSchema the schema whose objects are named without qualification (the only
 * schema in scope), or {@code null} when several schemas are in scope and every name is
 * qualified
 * @param schemas the schemas in scope that exist, in the order given
 * @param extensions installed extensions (except {@code plpgsql}), by name
 * @param enumTypes enum types, by name
 * @param sequences sequences that are not identity sequences, by name
 * @param tables ordinary and partitioned tables, by name
 * @param indexes indexes that do not back a constraint and are not partition children, by name
 * @param views views and materialized views, by name
 * @param routines functions and procedures (not aggregates), by name and arguments
 * @param triggers user triggers that are not partition clones, by table and name
 * @param comments comments on the objects above, by target
 */
public record SchemaCatalog(@Nullable String defaultSchema, List<String> schemas, List<Extension> extensions,
		List<EnumType> enumTypes, List<Sequence> sequences, List<Table> tables, List<Index> indexes, List<View> views,
		List<Routine> routines, List<Trigger> triggers, List<Comment> comments) {

	public SchemaCatalog {
		schemas = List.copyOf(schemas);
		extensions = List.copyOf(extensions);
		enumTypes = List.copyOf(enumTypes);
		sequences = List.copyOf(sequences);
		tables = List.copyOf(tables);
		indexes = List.copyOf(indexes);
		views = List.copyOf(views);
		routines = List.copyOf(routines);
		triggers = List.copyOf(triggers);
		comments = List.copyOf(comments);
	}

	/** Whether the catalog holds no object at all (schemas aside). */
	public boolean isEmpty() {
		return this.extensions.isEmpty() && this.enumTypes.isEmpty() && this.sequences.isEmpty()
				&& this.tables.isEmpty() && this.indexes.isEmpty() && this.views.isEmpty() && this.routines.isEmpty()
				&& this.triggers.isEmpty() && this.comments.isEmpty();
	}

	/** The table with this name, or {@code null}. */
	public @Nullable Table table(String schema, String name) {
		for (Table table : this.tables) {
			if (table.name().schema().equals(schema) && table.name().name().equals(name)) {
				return table;
			}
		}
		return null;
	}

	/** This catalog with every table's columns sorted by name, to compare regardless of column order. */
	public SchemaCatalog withoutColumnOrder() {
		List<Table> sorted = new ArrayList<>(this.tables.size());
		for (Table table : this.tables) {
			List<Column> columns = new ArrayList<>(table.columns());
			columns.sort(Comparator.comparing(Column::name));
			sorted.add(new Table(table.name(), table.partitionKey(), table.partitionOf(), table.partitionBound(),
					columns, table.constraints()));
		}
		return new SchemaCatalog(this.defaultSchema, this.schemas, this.extensions, this.enumTypes, this.sequences,
				sorted, this.indexes, this.views, this.routines, this.triggers, this.comments);
	}

	/**
	 * A schema-qualified object name.
	 * @param schema the schema
	 * @param name the name in the schema
	 * @param qualified whether SQL names it with its schema
	 */
	public record Name(String schema, String name, boolean qualified) {

		public Name {
			Objects.requireNonNull(schema, "schema");
			Objects.requireNonNull(name, "name");
		}

		/** The name as SQL writes it: quoted where needed, qualified when {@link #qualified()}. */
		public String sql() {
			return this.qualified ? Identifiers.quote(this.schema) + "." + Identifiers.quote(this.name)
					: Identifiers.quote(this.name);
		}

		/** The name as messages write it, e.g. {@code "documents"} or {@code "app"."documents"}. */
		public String display() {
			return this.qualified ? '"' + this.schema + "\".\"" + this.name + '"' : '"' + this.name + '"';
		}

		@Override
		public String toString() {
			return sql();
		}

	}

	/** An installed extension ({@code CREATE EXTENSION}). */
	public record Extension(String name, String schema, boolean inDefaultSchema) {
	}

	/** An enum type and its labels in sort order. */
	public record EnumType(Name name, List<String> labels) {

		public EnumType {
			labels = List.copyOf(labels);
		}

	}

	/**
	 * A sequence; {@code ownedByTable}/{@code ownedByColumn} are {@code null} unless it is
	 * {@code OWNED BY} a column (as a {@code serial} column's sequence is).
	 */
	public record Sequence(Name name, String type, long start, long increment, long min, long max, long cache,
			boolean cycle, @Nullable Name ownedByTable, @Nullable String ownedByColumn) {
	}

	/**
	 * A table. {@code partitionKey} is set for a partitioned table ({@code RANGE (created_at)});
	 * {@code partitionOf} and {@code partitionBound} for a partition, whose columns and inherited
	 * constraints come from its parent and are not listed.
	 */
	public record Table(Name name, @Nullable String partitionKey, @Nullable Name partitionOf,
			@Nullable String partitionBound, List<Column> columns, List<Constraint> constraints) {

		public Table {
			columns = List.copyOf(columns);
			constraints = List.copyOf(constraints);
		}

		/** The column with this name, or {@code null}. */
		public @Nullable Column column(String name) {
			for (Column column : this.columns) {
				if (column.name().equals(name)) {
					return column;
				}
			}
			return null;
		}

		/** The constraint with this name, or {@code null}. */
		public @Nullable Constraint constraint(String name) {
			for (Constraint constraint : this.constraints) {
				if (constraint.name().equals(name)) {
					return constraint;
				}
			}
			return null;
		}

	}

	/**
	 * A column.
	 * @param name the name
	 * @param type the type as {@code format_type} writes it, e.g. {@code vector(1536)}
	 * @param collation the collation when it is not the type's default, else {@code null}
	 * @param defaultExpression the default, or {@code null}
	 * @param notNull whether it is {@code NOT NULL}
	 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for an identity column, else {@code null}
	 * @param generated the expression of a stored generated column, else {@code null}
	 */
	public record Column(String name, String type, @Nullable String collation, @Nullable String defaultExpression,
			boolean notNull, @Nullable String identity, @Nullable String generated) {
	}

	/**
	 * A table constraint.
	 * @param name the name
	 * @param type {@code p} primary key, {@code u} unique, {@code f} foreign key, {@code c} check,
	 * {@code x} exclusion
	 * @param definition as {@code pg_get_constraintdef} writes it
	 * @param references the referenced table of a foreign key, else {@code null}
	 */
	public record Constraint(String name, char type, String definition, @Nullable Name references) {

		/** Whether this is a foreign key. */
		public boolean isForeignKey() {
			return this.type == 'f';
		}

	}

	/**
	 * An index that does not back a constraint.
	 * @param name the index
	 * @param table the table or materialized view it indexes
	 * @param definition the {@code CREATE INDEX} statement from {@code pg_get_indexdef}, with the
	 * table named as {@link Name#sql()} does
	 * @param unique whether it is unique
	 * @param method the access method, e.g. {@code btree}, {@code hnsw}
	 */
	public record Index(Name name, Name table, String definition, boolean unique, String method) {
	}

	/**
	 * A view or materialized view.
	 * @param name the view
	 * @param materialized whether it is a materialized view
	 * @param definition the query from {@code pg_get_viewdef}, without the final semicolon
	 * @param dependsOn the tables and views its query reads
	 * @param uses the routines and types of the schemas in scope that its query uses, directly or
	 * as the type of a column it reads, by key ({@code routine:<schema>.<name>(<argument types>)},
	 * {@code type:<schema>.<name>}): it must be dropped and created again when one of them is
	 */
	public record View(Name name, boolean materialized, String definition, List<Name> dependsOn, List<String> uses) {

		public View {
			dependsOn = List.copyOf(dependsOn);
			uses = List.copyOf(uses);
		}

	}

	/**
	 * A function or procedure.
	 * @param name the routine
	 * @param arguments its identity arguments, e.g. {@code a integer, b text}
	 * @param procedure whether it is a procedure
	 * @param language its language, e.g. {@code plpgsql}
	 * @param definition the {@code CREATE OR REPLACE} statement from {@code pg_get_functiondef}
	 * @param result the result type ({@code pg_get_function_result}), {@code null} for a procedure
	 * @param argumentTypes the types of its input arguments ({@code oidvectortypes}), which
	 * identify it among routines of the same name
	 * @param usedByTables whether a column default or a {@code CHECK} constraint of a table calls
	 * it, so that it is created before the tables and dropped after them
	 */
	public record Routine(Name name, String arguments, boolean procedure, String language, String definition,
			@Nullable String result, String argumentTypes, boolean usedByTables) {

		/** How {@code DROP FUNCTION}/{@code COMMENT ON FUNCTION} name it: name and argument types. */
		public String signature() {
			return this.name.sql() + "(" + this.arguments + ")";
		}

		/**
		 * Whether its body is SQL text that PostgreSQL checks against the tables it names when it
		 * is created (a {@code LANGUAGE sql} body in quotes; not a {@code BEGIN ATOMIC} one, which
		 * is always parsed), unless {@code check_function_bodies} is off.
		 */
		public boolean checkedSqlBody() {
			return "sql".equals(this.language) && !this.definition.contains("\nBEGIN ATOMIC");
		}

	}

	/**
	 * A trigger.
	 * @param table the table (or view) it is on
	 * @param name its name
	 * @param definition the {@code CREATE TRIGGER} statement from {@code pg_get_triggerdef}
	 */
	public record Trigger(Name table, String name, String definition) {
	}

	/**
	 * A comment.
	 * @param target what it is on, as {@code COMMENT ON} writes it, e.g.
	 * {@code COLUMN documents.embedding}
	 * @param owner the object whose drop takes the comment along, as an opaque key
	 * ({@code rel:schema.name}, {@code column:schema.table.column}, ...)
	 * @param text the comment
	 */
	public record Comment(String target, String owner, String text) {
	}

}
