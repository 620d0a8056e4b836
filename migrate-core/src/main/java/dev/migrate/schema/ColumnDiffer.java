package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrate.schema.SchemaCatalog.Column;
import dev.migrate.schema.SchemaCatalog.Table;

/**
 * Column differences of the tables both catalogs hold: columns dropped, added, and altered
 * (type, collation, default, {@code NOT NULL}, identity), one step per change so that each has an
 * exact inverse.
 */
final class ColumnDiffer {

	private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");

	private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");

	/** Defaults PostgreSQL cannot store once for all rows: adding a column with one rewrites the table. */
	private static final Pattern VOLATILE = Pattern.compile(
			"\\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14]|nextval|txid_current)\\s*\\(",
			Pattern.CASE_INSENSITIVE);

	private final CatalogDiffer differ;

	ColumnDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}

	/** Whether columns that views may read are dropped or change type between the two tables. */
	static boolean reshapes(Table current, Table desired) {
		for (Column column : current.columns()) {
			Column after = desired.column(column.name());
			if (after == null || !sameType(column, after) || !Objects.equals(column.generated(), after.generated())) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameType(Column a, Column b) {
		return a.type().equals(b.type()) && Objects.equals(a.collation(), b.collation());
	}

	void diff() {
		for (Table current : this.differ.currentTables().values()) {
			String key = CatalogDiffer.key(current.name());
			Table desired = this.differ.desiredTables().get(key);
			if (desired == null || this.differ.dropped().contains(key) || current.partitionOf() != null) {
				continue;
			}
			diff(current, desired);
		}
	}

	private void diff(Table current, Table desired) {
		List<Column> removed = new ArrayList<>();
		List<Column> added = new ArrayList<>();
		for (Column column : current.columns()) {
			Column after = desired.column(column.name());
			if (after == null || !Objects.equals(column.generated(), after.generated())) {
				removed.add(column);
			}
		}
		removed.sort((a, b) -> Boolean.compare(b.generated() != null, a.generated() != null));
		for (Column column : removed) {
			Column after = desired.column(column.name());
			drop(current, column, after);
		}
		for (Column column : current.columns()) {
			Column after = desired.column(column.name());
			if (after != null && Objects.equals(column.generated(), after.generated())) {
				alter(desired, column, after);
			}
		}
		for (Column column : desired.columns()) {
			Column before = current.column(column.name());
			if (before == null || !Objects.equals(column.generated(), before.generated())) {
				added.add(column);
			}
		}
		added.sort((a, b) -> Boolean.compare(a.generated() != null, b.generated() != null));
		for (Column column : added) {
			add(desired, column, current.column(column.name()) != null);
		}
	}

	private String subject(Table table, Column column) {
		return CatalogDiffer.subject(table) + ": column \"" + column.name() + "\"";
	}

	private void drop(Table table, Column column, @Nullable Column replacement) {
		Step step = (replacement == null) ? Step.removed(subject(table, column))
				: Step.changed(subject(table, column), "generated " + generated(column), "generated " + generated(replacement));
		step.up(SchemaSql.alterTable(table, "DROP COLUMN " + Identifiers.quote(column.name())))
			.down(SchemaSql.alterTable(table, "ADD COLUMN " + SchemaSql.columnDefinition(column)));
		if (replacement != null && column.generated() != null) {
			step.hazard("drops generated column \"" + column.name() + "\" to add it again (its values are computed)");
		}
		else {
			step.hazard("drops column \"" + column.name() + "\" and its data");
		}
		addHazards(step, table, column, true);
		this.differ.add(Phase.ALTER_COLUMNS, step);
		this.differ.dropped().add(CatalogDiffer.columnKey(table, column.name()));
	}

	private static String generated(Column column) {
		return (column.generated() != null) ? "always as (" + column.generated() + ")" : "never";
	}

	private void add(Table table, Column column, boolean replacing) {
		Step step = replacing ? Step.added(subject(table, column)).consequential() : Step.added(subject(table, column));
		step.up(SchemaSql.alterTable(table, "ADD COLUMN " + SchemaSql.columnDefinition(column)))
			.down(SchemaSql.alterTable(table, "DROP COLUMN " + Identifiers.quote(column.name())))
			.downgradeHazard("drops column \"" + column.name() + "\" and its data");
		addHazards(step, table, column, false);
		this.differ.add(Phase.ALTER_COLUMNS, step);
		this.differ.created().add(CatalogDiffer.columnKey(table, column.name()));
	}

	/** Hazards of adding the column to a table with rows, on the upgrade or the downgrade. */
	private static void addHazards(Step step, Table table, Column column, boolean downgrade) {
		List<String> hazards = new ArrayList<>();
		if (downgrade && column.generated() == null) {
			hazards.add("recreates column \"" + column.name() + "\" without its data");
		}
		if (column.notNull() && column.defaultExpression() == null && column.identity() == null
				&& column.generated() == null) {
			hazards.add("may fail on existing rows (NOT NULL without default)");
		}
		if (column.generated() != null || column.identity() != null
				|| (column.defaultExpression() != null && VOLATILE.matcher(column.defaultExpression()).find())) {
			hazards.add(rewrites(table));
		}
		step.hazards(hazards, downgrade);
	}

	static String rewrites(Table table) {
		return "rewrites table " + table.name().display() + " under ACCESS EXCLUSIVE lock";
	}

	private void alter(Table table, Column read, Column after) {
		Column before = new Column(read.name(), read.type(), read.collation(),
				this.differ.defaultBeforeColumnChanges(table, read.name(), read.defaultExpression()), read.notNull(),
				read.identity(), read.generated());
		String subject = subject(table, before);
		boolean retype = !sameType(before, after);
		boolean defaultChanges = !Objects.equals(before.defaultExpression(), after.defaultExpression());
		boolean unsetDefault = before.defaultExpression() != null && (defaultChanges || retype);
		boolean setDefault = after.defaultExpression() != null && (defaultChanges || retype);
		if (unsetDefault) {
			Step step = !defaultChanges ? Step.changed(subject, "default", "default").consequential()
					: (after.defaultExpression() == null)
							? Step.changed(subject, "default " + before.defaultExpression(), "no default")
							: Step.changed(subject, "default " + before.defaultExpression(),
									"default " + after.defaultExpression());
			this.differ.add(Phase.ALTER_COLUMNS, step.up(SchemaSql.alterColumn(table, before, "DROP DEFAULT"))
				.down(SchemaSql.alterColumn(table, before, "SET DEFAULT " + before.defaultExpression())));
		}
		if (before.identity() != null && after.identity() == null) {
			this.differ.add(Phase.ALTER_COLUMNS,
					Step.changed(subject, "generated " + before.identity() + " as identity", "not an identity column")
						.up(SchemaSql.alterColumn(table, before, "DROP IDENTITY"))
						.down(SchemaSql.alterColumn(table, before, "ADD GENERATED " + before.identity() + " AS IDENTITY"))
						.downgradeHazard("the identity sequence starts again at 1: existing values may collide"));
		}
		if (before.notNull() && !after.notNull()) {
			this.differ.add(Phase.ALTER_COLUMNS, Step.changed(subject, "NOT NULL", "nullable")
				.up(SchemaSql.alterColumn(table, before, "DROP NOT NULL"))
				.down(SchemaSql.alterColumn(table, before, "SET NOT NULL"))
				.downgradeHazard("may fail on existing rows (NULL values in column \"" + before.name() + "\")")
				.downgradeHazard("scans table " + table.name().display() + " under ACCESS EXCLUSIVE lock"));
		}
		if (retype) {
			Step step = Step.changed(subject, "type " + typeText(before), "type " + typeText(after))
				.up(retype(table, before, after))
				.down(retype(table, after, before));
			retypeHazards(step, table, before, after, false);
			retypeHazards(step, table, after, before, true);
			this.differ.add(Phase.ALTER_COLUMNS, step);
		}
		if (!before.notNull() && after.notNull()) {
			this.differ.add(Phase.ALTER_COLUMNS, Step.changed(subject, "nullable", "NOT NULL")
				.up(SchemaSql.alterColumn(table, before, "SET NOT NULL"))
				.down(SchemaSql.alterColumn(table, before, "DROP NOT NULL"))
				.hazard("may fail on existing rows (NULL values in column \"" + before.name() + "\")")
				.hazard("scans table " + table.name().display() + " under ACCESS EXCLUSIVE lock"));
		}
		if (before.identity() == null && after.identity() != null) {
			this.differ.add(Phase.ALTER_COLUMNS,
					Step.changed(subject, "not an identity column", "generated " + after.identity() + " as identity")
						.up(SchemaSql.alterColumn(table, before, "ADD GENERATED " + after.identity() + " AS IDENTITY"))
						.down(SchemaSql.alterColumn(table, before, "DROP IDENTITY"))
						.hazard("the identity sequence starts at 1: existing values may collide (set it with setval)"));
		}
		else if (before.identity() != null && after.identity() != null && !before.identity().equals(after.identity())) {
			this.differ.add(Phase.ALTER_COLUMNS,
					Step.changed(subject, "generated " + before.identity(), "generated " + after.identity())
						.up(SchemaSql.alterColumn(table, before, "SET GENERATED " + after.identity()))
						.down(SchemaSql.alterColumn(table, before, "SET GENERATED " + before.identity())));
		}
		if (setDefault) {
			Step step = (!defaultChanges || unsetDefault) ? Step.changed(subject, "default", "default").consequential()
					: Step.changed(subject, "no default", "default " + after.defaultExpression());
			this.differ.add(Phase.ALTER_COLUMNS,
					step.up(SchemaSql.alterColumn(table, before, "SET DEFAULT " + after.defaultExpression()))
						.down(SchemaSql.alterColumn(table, before, "DROP DEFAULT")));
		}
	}

	private static String typeText(Column column) {
		return column.type() + ((column.collation() != null) ? " collate " + column.collation() : "");
	}

	private static String retype(Table table, Column from, Column to) {
		StringBuilder action = new StringBuilder("TYPE ").append(to.type());
		if (to.collation() != null) {
			action.append(" COLLATE ").append(to.collation());
		}
		if (!binaryCoercible(from.type(), to.type())) {
			action.append(" USING ").append(Identifiers.quote(from.name())).append("::").append(to.type());
		}
		return SchemaSql.alterColumn(table, from, action.toString());
	}

	private static void retypeHazards(Step step, Table table, Column from, Column to, boolean downgrade) {
		List<String> hazards = new ArrayList<>();
		if (binaryCoercible(from.type(), to.type())) {
			if (!Objects.equals(from.collation(), to.collation())) {
				hazards.add("rebuilds the indexes on column \"" + from.name() + "\" under ACCESS EXCLUSIVE lock");
			}
		}
		else {
			hazards.add(rewrites(table));
			hazards.add("may fail on existing rows (values of column \"" + from.name() + "\" that do not convert to "
					+ to.type() + ")");
		}
		step.hazards(hazards, downgrade);
	}

	/** Whether PostgreSQL changes the type without rewriting the table or checking rows. */
	static boolean binaryCoercible(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		String a = from.toLowerCase(Locale.ROOT);
		String b = to.toLowerCase(Locale.ROOT);
		Matcher fromVarchar = VARCHAR.matcher(a);
		if (fromVarchar.matches()) {
			if ("text".equals(b)) {
				return true;
			}
			Matcher toVarchar = VARCHAR.matcher(b);
			if (toVarchar.matches()) {
				return toVarchar.group(1) == null
						|| (fromVarchar.group(1) != null && Integer.parseInt(toVarchar.group(1)) >= Integer.parseInt(fromVarchar.group(1)));
			}
			return false;
		}
		if ("text".equals(a)) {
			return "character varying".equals(b);
		}
		Matcher fromNumeric = NUMERIC.matcher(a);
		Matcher toNumeric = NUMERIC.matcher(b);
		if (fromNumeric.matches() && toNumeric.matches()) {
			return toNumeric.group(1) == null || (fromNumeric.group(1) != null
					&& fromNumeric.group(2).equals(toNumeric.group(2))
					&& Integer.parseInt(toNumeric.group(1)) >= Integer.parseInt(fromNumeric.group(1)));
		}
		return false;
	}

}
