package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migrate.schema.SchemaCatalog.Column;
import dev.migrate.schema.SchemaCatalog.Constraint;
import dev.migrate.schema.SchemaCatalog.EnumType;
import dev.migrate.schema.SchemaCatalog.Extension;
import dev.migrate.schema.SchemaCatalog.Name;
import dev.migrate.schema.SchemaCatalog.Routine;
import dev.migrate.schema.SchemaCatalog.Sequence;
import dev.migrate.schema.SchemaCatalog.Table;
import dev.migrate.schema.SchemaCatalog.View;

/**
 * The SQL statements that create and drop catalog objects, written the way a person would write
 * them: names quoted only where needed, defaults left out.
 */
final class SchemaSql {

	private SchemaSql() {
	}

	static String createSchema(String schema) {
		return "CREATE SCHEMA " + Identifiers.quote(schema);
	}

	static String dropSchema(String schema) {
		return "DROP SCHEMA " + Identifiers.quote(schema);
	}

	static String createExtension(Extension extension) {
		return "CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension.name())
				+ (extension.inDefaultSchema() ? "" : " WITH SCHEMA " + Identifiers.quote(extension.schema()));
	}

	static String dropExtension(Extension extension) {
		return "DROP EXTENSION IF EXISTS " + Identifiers.quote(extension.name());
	}

	static String createEnum(EnumType type) {
		return "CREATE TYPE " + type.name().sql() + " AS ENUM (" + labels(type.labels()) + ")";
	}

	static String labels(List<String> labels) {
		List<String> quoted = new ArrayList<>(labels.size());
		for (String label : labels) {
			quoted.add(Identifiers.literal(label));
		}
		return String.join(", ", quoted);
	}

	static String dropType(EnumType type) {
		return "DROP TYPE " + type.name().sql();
	}

	static String createSequence(Sequence sequence) {
		return "CREATE SEQUENCE " + sequence.name().sql() + sequenceOptions(sequence, false);
	}

	static String alterSequence(Sequence sequence) {
		return "ALTER SEQUENCE " + sequence.name().sql() + sequenceOptions(sequence, true);
	}

	private static String sequenceOptions(Sequence sequence, boolean all) {
		StringBuilder sql = new StringBuilder();
		long typeMax = switch (sequence.type()) {
			case "smallint" -> Short.MAX_VALUE;
			case "integer" -> Integer.MAX_VALUE;
			default -> Long.MAX_VALUE;
		};
		long typeMin = switch (sequence.type()) {
			case "smallint" -> Short.MIN_VALUE;
			case "integer" -> Integer.MIN_VALUE;
			default -> Long.MIN_VALUE;
		};
		boolean ascending = sequence.increment() > 0;
		if (all || !"bigint".equals(sequence.type())) {
			sql.append(" AS ").append(sequence.type());
		}
		if (all || sequence.increment() != 1) {
			sql.append(" INCREMENT BY ").append(sequence.increment());
		}
		if (all || sequence.min() != (ascending ? 1 : typeMin)) {
			sql.append(" MINVALUE ").append(sequence.min());
		}
		if (all || sequence.max() != (ascending ? typeMax : -1)) {
			sql.append(" MAXVALUE ").append(sequence.max());
		}
		if (all || sequence.start() != (ascending ? sequence.min() : sequence.max())) {
			sql.append(" START WITH ").append(sequence.start());
		}
		if (all || sequence.cache() != 1) {
			sql.append(" CACHE ").append(sequence.cache());
		}
		if (all || sequence.cycle()) {
			sql.append(sequence.cycle() ? " CYCLE" : " NO CYCLE");
		}
		return sql.toString();
	}

	/** {@code OWNED BY} its column: only for a sequence that is owned by one. */
	static String ownSequence(Sequence sequence) {
		Name table = Objects.requireNonNull(sequence.ownedByTable(), "an owned sequence");
		return "ALTER SEQUENCE " + sequence.name().sql() + " OWNED BY " + table.sql() + "."
				+ Identifiers.quote(Objects.requireNonNull(sequence.ownedByColumn(), "an owned sequence"));
	}

	static String disownSequence(Sequence sequence) {
		return "ALTER SEQUENCE " + sequence.name().sql() + " OWNED BY NONE";
	}

	static String dropSequence(Sequence sequence) {
		return "DROP SEQUENCE " + sequence.name().sql();
	}

	/** {@code CREATE TABLE} with its columns and the constraints that are not foreign keys. */
	static List<String> createTable(Table table) {
		List<String> statements = new ArrayList<>();
		if (table.partitionOf() != null) {
			statements.add("CREATE TABLE " + table.name().sql() + " PARTITION OF " + table.partitionOf().sql() + " "
					+ table.partitionBound() + ((table.partitionKey() != null) ? " PARTITION BY " + table.partitionKey() : ""));
			for (Constraint constraint : table.constraints()) {
				if (!constraint.isForeignKey()) {
					statements.add(addConstraint(table, constraint));
				}
			}
			return statements;
		}
		StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table.name().sql()).append(" (");
		String separator = "\n\t";
		for (Column column : table.columns()) {
			sql.append(separator).append(columnDefinition(column));
			separator = ",\n\t";
		}
		for (Constraint constraint : table.constraints()) {
			if (!constraint.isForeignKey()) {
				sql.append(separator)
					.append("CONSTRAINT ")
					.append(Identifiers.quote(constraint.name()))
					.append(' ')
					.append(constraint.definition());
				separator = ",\n\t";
			}
		}
		sql.append((separator.length() > 2) ? "\n)" : ")");
		if (table.partitionKey() != null) {
			sql.append(" PARTITION BY ").append(table.partitionKey());
		}
		statements.add(sql.toString());
		return statements;
	}

	static String dropTable(Table table) {
		return "DROP TABLE " + table.name().sql();
	}

	static String columnDefinition(Column column) {
		StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ').append(column.type());
		if (column.collation() != null) {
			sql.append(" COLLATE ").append(column.collation());
		}
		if (column.generated() != null) {
			sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
		}
		if (column.identity() != null) {
			sql.append(" GENERATED ").append(column.identity()).append(" AS IDENTITY");
		}
		if (column.defaultExpression() != null) {
			sql.append(" DEFAULT ").append(column.defaultExpression());
		}
		if (column.notNull()) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	static String alterTable(Table table, String action) {
		return "ALTER TABLE " + table.name().sql() + " " + action;
	}

	static String alterColumn(Table table, Column column, String action) {
		return alterTable(table, "ALTER COLUMN " + Identifiers.quote(column.name()) + " " + action);
	}

	static String addConstraint(Table table, Constraint constraint) {
		return alterTable(table,
				"ADD CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + constraint.definition());
	}

	static String dropConstraint(Table table, Constraint constraint) {
		return alterTable(table, "DROP CONSTRAINT " + Identifiers.quote(constraint.name()));
	}

	static String createView(View view) {
		return "CREATE " + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + view.name().sql() + " AS\n"
				+ view.definition();
	}

	static String dropView(View view) {
		return "DROP " + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + view.name().sql();
	}

	static String dropRoutine(Routine routine) {
		return "DROP " + (routine.procedure() ? "PROCEDURE " : "FUNCTION ") + routine.signature();
	}

	static String comment(String target, String text) {
		return "COMMENT ON " + target + " IS " + Identifiers.literal(text);
	}

}
