package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrate.schema.SchemaCatalog.Column;
import dev.migrate.schema.SchemaCatalog.EnumType;
import dev.migrate.schema.SchemaCatalog.Table;

/**
 * The labels of an enum type change. Labels only added are added with {@code ALTER TYPE ... ADD
 * VALUE}; anything else (and any downgrade, since PostgreSQL cannot remove a label) renames the
 * type away, creates it with the new labels, converts the columns that use it through text, and
 * drops the old type.
 */
final class EnumChange {

	private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'::.*");

	private final SchemaCatalog catalog;

	private final SchemaCatalog desired;

	private final EnumType before;

	private final EnumType after;

	private final Map<String, String> defaultsAfter;

	/**
	 * @param catalog the current catalog
	 * @param desired the desired catalog
	 * @param before the type as it is
	 * @param after the type as it should be
	 * @param defaultsAfter where to record, by column key, the default a converted column has
	 * after this step (the column differ starts from it)
	 */
	EnumChange(SchemaCatalog catalog, SchemaCatalog desired, EnumType before, EnumType after,
			Map<String, String> defaultsAfter) {
		this.catalog = catalog;
		this.desired = desired;
		this.before = before;
		this.after = after;
		this.defaultsAfter = defaultsAfter;
	}

	Step step(String subject) {
		Step step = Step.changed(subject, "labels (" + SchemaSql.labels(this.before.labels()) + ")",
				"labels (" + SchemaSql.labels(this.after.labels()) + ")");
		if (onlyAdds() && !newLabelInDesiredDefault()) {
			List<String> labels = this.after.labels();
			for (int i = 0; i < labels.size(); i++) {
				String label = labels.get(i);
				if (this.before.labels().contains(label)) {
					continue;
				}
				String position = (i == 0) ? " BEFORE " + Identifiers.literal(labels.get(1))
						: " AFTER " + Identifiers.literal(labels.get(i - 1));
				step.up("ALTER TYPE " + this.after.name().sql() + " ADD VALUE " + Identifiers.literal(label) + position);
			}
			step.hazard("the new labels of type " + this.after.name().display()
					+ " cannot be used before this transaction commits");
		}
		else {
			step.up(recreate(true));
			hazards(step, false);
		}
		step.down(recreate(false));
		hazards(step, true);
		return step;
	}

	/**
	 * Whether a column default of the desired schema uses a label this change adds: PostgreSQL
	 * refuses a label added by {@code ADD VALUE} before the transaction commits, so the type is
	 * recreated instead.
	 */
	private boolean newLabelInDesiredDefault() {
		String type = this.after.name().sql();
		for (Table table : this.desired.tables()) {
			for (Column column : table.columns()) {
				if (column.defaultExpression() == null || !column.type().equals(type)) {
					continue;
				}
				Matcher literal = LITERAL.matcher(column.defaultExpression());
				if (literal.matches() && !this.before.labels().contains(literal.group(1).replace("''", "'"))) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean onlyAdds() {
		List<String> old = this.before.labels();
		int at = 0;
		for (String label : this.after.labels()) {
			if (at < old.size() && old.get(at).equals(label)) {
				at++;
			}
		}
		return at == old.size() && !old.isEmpty();
	}

	private void hazards(Step step, boolean downgrade) {
		List<String> hazards = new ArrayList<>();
		for (Table table : tablesUsing()) {
			hazards.add(ColumnDiffer.rewrites(table));
		}
		hazards.add("may fail on existing rows (values whose label type " + this.before.name().display()
				+ " no longer has) and while views or routines use the type");
		step.hazards(hazards, downgrade);
	}

	private List<Table> tablesUsing() {
		List<Table> tables = new ArrayList<>();
		for (Table table : this.catalog.tables()) {
			for (Column column : table.columns()) {
				if (uses(column)) {
					tables.add(table);
					break;
				}
			}
		}
		return tables;
	}

	private boolean uses(Column column) {
		String type = this.before.name().sql();
		return column.type().equals(type) || column.type().equals(type + "[]");
	}

	/**
	 * The statements that give the type the labels of {@code after} (upgrade) or {@code before}
	 * (downgrade): rename the type away, create it, convert each column through text with its
	 * default dropped and set again, drop the old type. On the upgrade a converted column gets
	 * the desired default when the desired schema keeps it, else its own if the new labels still
	 * hold it.
	 */
	private List<String> recreate(boolean upgrade) {
		EnumType target = upgrade ? this.after : this.before;
		List<String> statements = new ArrayList<>();
		String old = Identifiers.quote(target.name().name() + "__old");
		String oldQualified = target.name().qualified() ? Identifiers.quote(target.name().schema()) + "." + old : old;
		statements.add("ALTER TYPE " + target.name().sql() + " RENAME TO " + old);
		statements.add(SchemaSql.createEnum(target));
		for (Table table : this.catalog.tables()) {
			for (Column column : table.columns()) {
				if (!uses(column)) {
					continue;
				}
				String upgraded = defaultAfter(table, column);
				String drop = upgrade ? column.defaultExpression() : upgraded;
				String set = upgrade ? upgraded : column.defaultExpression();
				if (upgrade) {
					this.defaultsAfter.put(CatalogDiffer.columnKey(table, column.name()), upgraded);
				}
				boolean array = column.type().endsWith("[]");
				if (drop != null) {
					statements.add(SchemaSql.alterColumn(table, column, "DROP DEFAULT"));
				}
				statements.add(SchemaSql.alterColumn(table, column, "TYPE " + column.type() + " USING "
						+ Identifiers.quote(column.name()) + (array ? "::text[]::" : "::text::") + column.type()));
				if (set != null) {
					statements.add(SchemaSql.alterColumn(table, column, "SET DEFAULT " + set));
				}
			}
		}
		statements.add("DROP TYPE " + oldQualified);
		return statements;
	}

	private @Nullable String defaultAfter(Table table, Column column) {
		Table desiredTable = this.desired.table(table.name().schema(), table.name().name());
		Column desiredColumn = (desiredTable != null) ? desiredTable.column(column.name()) : null;
		if (desiredColumn != null && desiredColumn.type().equals(column.type())) {
			return desiredColumn.defaultExpression();
		}
		String value = column.defaultExpression();
		if (value == null) {
			return null;
		}
		Matcher literal = LITERAL.matcher(value);
		return (literal.matches() && this.after.labels().contains(literal.group(1).replace("''", "'"))) ? value : null;
	}

}
