package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random schemas from fixed seeds: tables with columns of assorted types, keys, foreign keys,
 * checks, indexes, views and comments; each schema is paired with a mutation of itself (tables
 * and columns added and dropped, types widened, nullability, defaults, indexes and keys changed).
 */
final class GeneratedSchemas {

	static final long[] SEEDS = { 1, 7, 42, 1234, 2026, 31337, 65537, 99991, 424242, 8675309 };

	private static final String[] TYPES = { "integer", "bigint", "text", "varchar(40)", "numeric(10,2)", "boolean",
			"timestamptz", "jsonb", "uuid", "date", "vector(8)" };

	private GeneratedSchemas() {
	}

	static List<SchemaPair> pairs() {
		List<SchemaPair> pairs = new ArrayList<>();
		for (long seed : SEEDS) {
			Random random = new Random(seed);
			List<Table> schema = generate(random, 3 + random.nextInt(5));
			List<Table> mutated = mutate(copy(schema), random);
			pairs.add(SchemaPair.of("generated seed " + seed, sql(schema), sql(mutated)));
		}
		return pairs;
	}

	/** A schema of {@code count} tables, each table possibly referencing the ones before it. */
	static List<Table> generate(Random random, int count) {
		List<Table> tables = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tables.add(table(random, "t" + i + "_" + Integer.toString(random.nextInt(1000), 36), tables));
		}
		return tables;
	}

	private static Table table(Random random, String name, List<Table> before) {
		Table table = new Table(name);
		int columns = 1 + random.nextInt(6);
		for (int c = 0; c < columns; c++) {
			table.columns.add(column(random, "c" + c));
		}
		if (!before.isEmpty() && random.nextBoolean()) {
			Table target = before.get(random.nextInt(before.size()));
			table.columns.add(new Column("ref_" + target.name, "bigint", false, null));
			table.references.add(target.name);
		}
		for (Column column : table.columns) {
			if (random.nextInt(4) == 0 && isIndexable(column)) {
				table.indexes.add(column.name);
			}
		}
		table.check = random.nextInt(3) == 0;
		table.view = random.nextInt(3) == 0;
		table.comment = random.nextBoolean() ? "table " + name + " from seed" : null;
		return table;
	}

	private static boolean isIndexable(Column column) {
		return !column.type.equals("jsonb") && !column.type.startsWith("vector");
	}

	private static Column column(Random random, String name) {
		String type = TYPES[random.nextInt(TYPES.length)];
		boolean notNull = random.nextInt(3) == 0;
		String defaultValue = null;
		if (random.nextInt(3) == 0) {
			defaultValue = switch (type) {
				case "integer", "bigint", "numeric(10,2)" -> String.valueOf(random.nextInt(100));
				case "text", "varchar(40)" -> "'d" + random.nextInt(10) + "'";
				case "boolean" -> "true";
				case "timestamptz" -> "now()";
				case "date" -> "CURRENT_DATE";
				case "uuid" -> "gen_random_uuid()";
				case "jsonb" -> "'{}'";
				default -> null;
			};
		}
		return new Column(name, type, notNull, defaultValue);
	}

	private static List<Table> mutate(List<Table> tables, Random random) {
		int mutations = 2 + random.nextInt(5);
		for (int m = 0; m < mutations; m++) {
			Table table = tables.get(random.nextInt(tables.size()));
			switch (random.nextInt(9)) {
				case 0 -> tables.add(table(random, "n" + m + "_" + random.nextInt(1000), tables));
				case 1 -> {
					if (tables.size() > 1) {
						Table gone = tables.remove(random.nextInt(tables.size()));
						for (Table other : tables) {
							if (other.references.remove(gone.name)) {
								other.columns.removeIf((column) -> column.name.equals("ref_" + gone.name));
								other.indexes.remove("ref_" + gone.name);
							}
						}
					}
				}
				case 2 -> table.columns.add(column(random, "added" + m));
				case 3 -> {
					Column column = table.columns.get(random.nextInt(table.columns.size()));
					if (table.columns.size() > 1 && !column.name.startsWith("ref_")) {
						table.columns.remove(column);
						table.indexes.remove(column.name);
					}
				}
				case 4 -> {
					Column column = table.columns.get(random.nextInt(table.columns.size()));
					column.type = switch (column.type) {
						case "integer" -> "bigint";
						case "varchar(40)" -> "varchar(80)";
						case "text" -> "varchar(200)";
						case "numeric(10,2)" -> "numeric(14,4)";
						default -> column.type;
					};
				}
				case 5 -> {
					Column column = table.columns.get(random.nextInt(table.columns.size()));
					column.notNull = !column.notNull;
				}
				case 6 -> {
					Column column = table.columns.get(random.nextInt(table.columns.size()));
					column.defaultValue = (column.defaultValue == null && column.type.equals("bigint")) ? "7" : null;
				}
				case 7 -> {
					Column column = table.columns.get(random.nextInt(table.columns.size()));
					if (!table.indexes.remove(column.name) && isIndexable(column)) {
						table.indexes.add(column.name);
					}
				}
				default -> {
					table.view = !table.view;
					table.check = !table.check;
					table.comment = (table.comment == null) ? "now commented" : null;
				}
			}
		}
		return tables;
	}

	private static List<Table> copy(List<Table> tables) {
		List<Table> copies = new ArrayList<>();
		for (Table table : tables) {
			Table copy = new Table(table.name);
			for (Column column : table.columns) {
				copy.columns.add(new Column(column.name, column.type, column.notNull, column.defaultValue));
			}
			copy.references.addAll(table.references);
			copy.indexes.addAll(table.indexes);
			copy.check = table.check;
			copy.view = table.view;
			copy.comment = table.comment;
			copies.add(copy);
		}
		return copies;
	}

	static String sql(List<Table> tables) {
		StringBuilder sql = new StringBuilder("CREATE EXTENSION IF NOT EXISTS vector;\n");
		for (Table table : tables) {
			sql.append("CREATE TABLE ").append(table.name).append(" (\n\tid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
			for (Column column : table.columns) {
				sql.append(",\n\t").append(column.name).append(' ').append(column.type);
				if (column.defaultValue != null) {
					sql.append(" DEFAULT ").append(column.defaultValue);
				}
				if (column.notNull) {
					sql.append(" NOT NULL");
				}
			}
			if (table.check) {
				sql.append(",\n\tCONSTRAINT ").append(table.name).append("_id_check CHECK (id > 0)");
			}
			sql.append("\n);\n");
			for (String index : table.indexes) {
				sql.append("CREATE INDEX ").append(table.name).append('_').append(index).append("_idx ON ")
					.append(table.name).append(" (").append(index).append(");\n");
			}
			if (table.comment != null) {
				sql.append("COMMENT ON TABLE ").append(table.name).append(" IS '").append(table.comment).append("';\n");
			}
		}
		for (Table table : tables) {
			for (String target : table.references) {
				sql.append("ALTER TABLE ").append(table.name).append(" ADD CONSTRAINT ").append(table.name).append("_ref_")
					.append(target).append(" FOREIGN KEY (ref_").append(target).append(") REFERENCES ").append(target)
					.append(" (id) ON DELETE CASCADE;\n");
			}
			if (table.view) {
				sql.append("CREATE VIEW ").append(table.name).append("_v AS SELECT id, ").append(table.columns.get(0).name)
					.append(" FROM ").append(table.name).append(";\n");
			}
		}
		return sql.toString();
	}

	static final class Table {

		final String name;

		final List<Column> columns = new ArrayList<>();

		final List<String> references = new ArrayList<>();

		final List<String> indexes = new ArrayList<>();

		boolean check;

		boolean view;

		String comment;

		Table(String name) {
			this.name = name;
		}

	}

	static final class Column {

		final String name;

		String type;

		boolean notNull;

		String defaultValue;

		Column(String name, String type, boolean notNull, String defaultValue) {
			this.name = name;
			this.type = type;
			this.notNull = notNull;
			this.defaultValue = defaultValue;
		}

	}

}
