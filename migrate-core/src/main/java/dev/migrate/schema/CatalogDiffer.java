package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

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
 * Compares two catalogs object kind by object kind and files each difference as steps in the
 * {@link Phase} where it can run. Objects that go with a dropped parent (the indexes, triggers,
 * foreign keys and comments of a dropped table) get steps without upgrade statements, so the
 * downgrade recreates them after the parent; objects created with a new parent get steps without
 * downgrade statements.
 */
final class CatalogDiffer {

	private final SchemaCatalog current;

	private final SchemaCatalog desired;

	private final Map<Phase, List<SchemaChange>> steps = new EnumMap<>(Phase.class);

	/** Keys of objects the upgrade drops, directly or with their parent. */
	private final Set<String> dropped = new HashSet<>();

	/** Keys of objects the upgrade creates, directly or with their parent. */
	private final Set<String> created = new HashSet<>();

	private final Map<String, Table> currentTables;

	private final Map<String, Table> desiredTables;

	/** Kept tables whose columns are dropped or change type: views reading them are rebuilt. */
	private final Set<String> reshapedTables = new HashSet<>();

	private final Map<String, View> currentViews;

	private final Map<String, View> desiredViews;

	private final Set<String> unique = new HashSet<>();

	/** Defaults of columns converted by an enum type change, by column key: the column differ starts from them. */
	private final Map<String, String> defaultsAfterTypeChanges = new java.util.HashMap<>();

	CatalogDiffer(SchemaCatalog current, SchemaCatalog desired) {
		this.current = current;
		this.desired = desired;
		this.currentTables = byKey(current.tables(), (table) -> key(table.name()));
		this.desiredTables = byKey(desired.tables(), (table) -> key(table.name()));
		this.currentViews = byKey(current.views(), (view) -> key(view.name()));
		this.desiredViews = byKey(desired.views(), (view) -> key(view.name()));
	}

	List<SchemaChange> diff() {
		classifyTables();
		classifyViews();
		schemas();
		extensions();
		enumTypes();
		sequences();
		routines();
		tables();
		new ColumnDiffer(this).diff();
		constraints();
		indexes();
		views();
		triggers();
		comments();
		List<SchemaChange> all = new ArrayList<>();
		for (Phase phase : Phase.values()) {
			all.addAll(this.steps.getOrDefault(phase, List.of()));
		}
		return all;
	}

	void add(Phase phase, Step step) {
		this.steps.computeIfAbsent(phase, (p) -> new ArrayList<>()).add(step.build());
	}

	static String key(Name name) {
		return "rel:" + name.schema() + "." + name.name();
	}

	static String columnKey(Table table, String column) {
		return "column:" + name(table.name()) + "." + column;
	}

	private static String name(Name name) {
		return name.schema() + "." + name.name();
	}

	static <T> Map<String, T> byKey(Collection<T> items, Function<T, String> key) {
		Map<String, T> map = new LinkedHashMap<>();
		for (T item : items) {
			map.put(key.apply(item), item);
		}
		return map;
	}

	static <T> Set<String> union(Map<String, T> a, Map<String, T> b) {
		Set<String> keys = new LinkedHashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}

	Set<String> dropped() {
		return this.dropped;
	}

	Set<String> created() {
		return this.created;
	}

	Map<String, Table> currentTables() {
		return this.currentTables;
	}

	Map<String, Table> desiredTables() {
		return this.desiredTables;
	}

	SchemaCatalog current() {
		return this.current;
	}

	/** The default a column has when the column differ runs: changed by an enum type change, else as read. */
	String defaultBeforeColumnChanges(Table table, String column, String asRead) {
		String key = columnKey(table, column);
		return this.defaultsAfterTypeChanges.containsKey(key) ? this.defaultsAfterTypeChanges.get(key) : asRead;
	}

	// tables --------------------------------------------------------------------------------

	private void classifyTables() {
		for (String key : union(this.currentTables, this.desiredTables)) {
			Table current = this.currentTables.get(key);
			Table desired = this.desiredTables.get(key);
			if (current != null && (desired == null || !sameShape(current, desired))) {
				this.dropped.add(key);
			}
			if (desired != null && (current == null || !sameShape(current, desired))) {
				this.created.add(key);
			}
		}
		boolean more = true;
		while (more) {
			more = false;
			for (Table table : this.currentTables.values()) {
				String key = key(table.name());
				if (table.partitionOf() != null && this.dropped.contains(key(table.partitionOf()))
						&& this.dropped.add(key)) {
					if (this.desiredTables.containsKey(key)) {
						this.created.add(key);
					}
					more = true;
				}
			}
		}
		for (String key : List.copyOf(this.dropped)) {
			Table table = this.currentTables.get(key);
			table.columns().forEach((column) -> this.dropped.add(columnKey(table, column.name())));
			table.constraints().forEach((constraint) -> this.dropped.add(constraintKey(table, constraint)));
		}
		for (String key : List.copyOf(this.created)) {
			Table table = this.desiredTables.get(key);
			table.columns().forEach((column) -> this.created.add(columnKey(table, column.name())));
			table.constraints().forEach((constraint) -> this.created.add(constraintKey(table, constraint)));
		}
		for (Table table : this.currentTables.values()) {
			String key = key(table.name());
			Table desired = this.desiredTables.get(key);
			if (desired != null && !this.dropped.contains(key) && ColumnDiffer.reshapes(table, desired)) {
				this.reshapedTables.add(key);
			}
		}
	}

	private static boolean sameShape(Table current, Table desired) {
		return Objects.equals(current.partitionKey(), desired.partitionKey())
				&& Objects.equals(current.partitionOf(), desired.partitionOf())
				&& Objects.equals(current.partitionBound(), desired.partitionBound());
	}

	static String constraintKey(Table table, Constraint constraint) {
		return "constraint:" + name(table.name()) + "." + constraint.name();
	}

	static String subject(Table table) {
		return "table " + table.name().display();
	}

	private void tables() {
		List<Table> drops = new ArrayList<>();
		for (String key : this.dropped) {
			if (this.currentTables.containsKey(key)) {
				drops.add(this.currentTables.get(key));
			}
		}
		drops.sort(Comparator.comparingInt((Table table) -> -depth(table, this.currentTables))
			.thenComparing((table) -> key(table.name())));
		for (Table table : drops) {
			boolean recreated = this.desiredTables.containsKey(key(table.name()));
			Step step = recreated
					? Step.changed(subject(table), partitioning(table), partitioning(this.desiredTables.get(key(table.name()))))
					: Step.removed(subject(table));
			add(Phase.DROP_TABLES, step.up(SchemaSql.dropTable(table))
				.down(SchemaSql.createTable(table))
				.hazard("drops table " + table.name().display() + " and its data")
				.downgradeHazard("recreates table " + table.name().display() + " empty: its data is not restored"));
		}
		List<Table> creates = new ArrayList<>();
		for (String key : this.created) {
			if (this.desiredTables.containsKey(key)) {
				creates.add(this.desiredTables.get(key));
			}
		}
		creates.sort(Comparator.comparingInt((Table table) -> depth(table, this.desiredTables))
			.thenComparing((table) -> key(table.name())));
		for (Table table : creates) {
			boolean recreated = this.currentTables.containsKey(key(table.name()));
			Step step = recreated ? Step.added(subject(table)).consequential() : Step.added(subject(table));
			add(Phase.CREATE_TABLES, step.up(SchemaSql.createTable(table))
				.down(SchemaSql.dropTable(table))
				.downgradeHazard("drops table " + table.name().display() + " and its data"));
		}
	}

	private static String partitioning(Table table) {
		if (table.partitionOf() != null) {
			return "partition of " + table.partitionOf().display() + " " + table.partitionBound()
					+ ((table.partitionKey() != null) ? " partitioned by " + table.partitionKey() : "");
		}
		return (table.partitionKey() != null) ? "partitioned by " + table.partitionKey() : "not partitioned";
	}

	private static int depth(Table table, Map<String, Table> tables) {
		int depth = 0;
		Table at = table;
		while (at != null && at.partitionOf() != null && depth < 100) {
			depth++;
			at = tables.get(key(at.partitionOf()));
		}
		return depth;
	}

	// constraints ---------------------------------------------------------------------------

	private void constraints() {
		Set<String> newlyReferenced = new HashSet<>();
		for (String key : union(this.currentTables, this.desiredTables)) {
			Table current = this.currentTables.get(key);
			Table desired = this.desiredTables.get(key);
			boolean tableDropped = this.dropped.contains(key);
			boolean tableCreated = this.created.contains(key);
			if (current != null) {
				for (Constraint constraint : current.constraints()) {
					Constraint target = (desired != null) ? desired.constraint(constraint.name()) : null;
					if (tableDropped) {
						if (constraint.isForeignKey()) {
							boolean explicit = !constraint.references().equals(current.name())
									&& this.dropped.contains(key(constraint.references()));
							Step step = Step.removed(constraintSubject(current, constraint)).consequential();
							if (explicit) {
								step.up(SchemaSql.dropConstraint(current, constraint));
							}
							add(Phase.DROP_FOREIGN_KEYS, step.down(SchemaSql.addConstraint(current, constraint)));
						}
					}
					else if (target == null || !target.definition().equals(constraint.definition())) {
						Step step = (target == null) ? Step.removed(constraintSubject(current, constraint))
								: Step.changed(constraintSubject(current, constraint), constraint.definition(),
										target.definition());
						step.up(SchemaSql.dropConstraint(current, constraint))
							.down(SchemaSql.addConstraint(current, constraint));
						addHazards(step, current, constraint, true);
						add(constraint.isForeignKey() ? Phase.DROP_FOREIGN_KEYS : Phase.DROP_CONSTRAINTS, step);
						this.dropped.add(constraintKey(current, constraint));
					}
				}
			}
			if (desired != null) {
				for (Constraint constraint : desired.constraints()) {
					Constraint before = (current != null && !tableDropped) ? current.constraint(constraint.name()) : null;
					if (tableCreated) {
						if (constraint.isForeignKey()) {
							Step step = Step.added(constraintSubject(desired, constraint)).consequential()
								.up(SchemaSql.addConstraint(desired, constraint));
							if (!constraint.references().equals(desired.name())
									&& this.created.contains(key(constraint.references()))) {
								step.down(SchemaSql.dropConstraint(desired, constraint));
							}
							add(Phase.ADD_FOREIGN_KEYS, step);
						}
					}
					else if (before == null || !before.definition().equals(constraint.definition())) {
						addConstraint(desired, constraint, before != null);
						this.created.add(constraintKey(desired, constraint));
						if (constraint.isForeignKey()) {
							newlyReferenced.add(key(constraint.references()));
						}
					}
				}
			}
		}
		this.unique.addAll(newlyReferenced);
	}

	private void addConstraint(Table table, Constraint constraint, boolean changed) {
		String subject = constraintSubject(table, constraint);
		Step step = changed ? Step.added(subject).consequential() : Step.added(subject);
		boolean later = (constraint.type() == 'f' || constraint.type() == 'c')
				&& !constraint.definition().endsWith("NOT VALID");
		if (later) {
			step.up(SchemaSql.addConstraint(table, constraint) + " NOT VALID");
		}
		else {
			step.up(SchemaSql.addConstraint(table, constraint));
			addHazards(step, table, constraint, false);
		}
		step.down(SchemaSql.dropConstraint(table, constraint));
		add(constraint.isForeignKey() ? Phase.ADD_FOREIGN_KEYS : Phase.ADD_CONSTRAINTS, step);
		if (later) {
			add(Phase.ADD_FOREIGN_KEYS, Step.added(subject).consequential().nonTransactional()
				.up(SchemaSql.alterTable(table, "VALIDATE CONSTRAINT " + Identifiers.quote(constraint.name())))
				.hazard("may fail on existing rows (rows of " + table.name().display() + " that break constraint \""
						+ constraint.name() + "\")"));
		}
	}

	/** Hazards of adding the constraint to a table with rows: on the upgrade or on the downgrade. */
	private static void addHazards(Step step, Table table, Constraint constraint, boolean downgrade) {
		List<String> hazards = new ArrayList<>();
		switch (constraint.type()) {
			case 'p', 'u', 'x' -> {
				hazards.add("builds an index on " + table.name().display() + " under ACCESS EXCLUSIVE lock");
				hazards.add("may fail on existing rows (values that break constraint \"" + constraint.name() + "\")");
			}
			case 'f', 'c' -> {
				if (!constraint.definition().endsWith("NOT VALID")) {
					hazards.add("may fail on existing rows (rows that break constraint \"" + constraint.name()
							+ "\"); checks every row under lock");
				}
			}
			default -> {
			}
		}
		for (String hazard : hazards) {
			if (downgrade) {
				step.downgradeHazard(hazard);
			}
			else {
				step.hazard(hazard);
			}
		}
	}

	static String constraintSubject(Table table, Constraint constraint) {
		return subject(table) + ": constraint \"" + constraint.name() + "\"";
	}

	// indexes -------------------------------------------------------------------------------

	private boolean relationDropped(Name relation) {
		return this.dropped.contains(key(relation));
	}

	private boolean relationCreated(Name relation) {
		return this.created.contains(key(relation));
	}

	private void indexes() {
		Map<String, Index> current = byKey(this.current.indexes(), (index) -> key(index.name()));
		Map<String, Index> desired = byKey(this.desired.indexes(), (index) -> key(index.name()));
		for (String key : union(current, desired)) {
			Index before = current.get(key);
			Index after = desired.get(key);
			boolean beforeGone = before != null && relationDropped(before.table());
			boolean afterNew = after != null && relationCreated(after.table());
			boolean differ = before != null && after != null && !before.definition().equals(after.definition());
			if (before != null && (beforeGone || after == null || differ)) {
				Step step = beforeGone ? Step.removed(indexSubject(before)).consequential()
						: differ ? Step.changed(indexSubject(before), before.definition(), after.definition())
								: Step.removed(indexSubject(before));
				if (!beforeGone) {
					step.up("DROP INDEX " + before.name().sql());
					step.downgradeHazard("builds index " + before.name().display() + " while writes to "
							+ before.table().display() + " wait");
				}
				add(Phase.DROP_INDEXES, step.down(before.definition()));
				this.dropped.add(key);
			}
			if (after != null && (afterNew || before == null || differ || beforeGone)) {
				Step step = (before == null || beforeGone && !afterNew) ? Step.added(indexSubject(after))
						: Step.added(indexSubject(after)).consequential();
				if (afterNew) {
					step.up(after.definition());
				}
				else if (concurrentlyPossible(after)) {
					step.up(after.definition().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY "))
						.down("DROP INDEX CONCURRENTLY " + after.name().sql())
						.nonTransactional()
						.hazard("a failed or interrupted build leaves index " + after.name().display()
								+ " INVALID: drop it before running this revision again");
				}
				else {
					step.up(after.definition())
						.down("DROP INDEX " + after.name().sql())
						.hazard("builds index " + after.name().display() + " while writes to " + after.table().display()
								+ " wait");
				}
				if (after.unique() && !afterNew) {
					step.hazard("may fail on existing rows (duplicate values for unique index "
							+ after.name().display() + ")");
				}
				add(Phase.CREATE_INDEXES, step);
				this.created.add(key);
			}
		}
	}

	private boolean concurrentlyPossible(Index index) {
		Table table = this.desiredTables.get(key(index.table()));
		if (table != null && table.partitionKey() != null) {
			return false;
		}
		return !(index.unique() && this.unique.contains(key(index.table())));
	}

	private static String indexSubject(Index index) {
		return "index " + index.name().display() + " on " + index.table().display();
	}

	// views ---------------------------------------------------------------------------------

	private final Set<String> viewsDropped = new LinkedHashSet<>();

	private final Set<String> viewsCreated = new LinkedHashSet<>();

	private void classifyViews() {
		for (String key : union(this.currentViews, this.desiredViews)) {
			View before = this.currentViews.get(key);
			View after = this.desiredViews.get(key);
			if (before == null) {
				this.viewsCreated.add(key);
			}
			else if (after == null) {
				this.viewsDropped.add(key);
			}
			else if (!before.definition().equals(after.definition()) || before.materialized() != after.materialized()) {
				this.viewsDropped.add(key);
				this.viewsCreated.add(key);
			}
		}
		boolean more = true;
		while (more) {
			more = false;
			for (View view : this.currentViews.values()) {
				String key = key(view.name());
				if (this.viewsDropped.contains(key) || !this.desiredViews.containsKey(key)) {
					continue;
				}
				for (Name dependency : view.dependsOn()) {
					String on = key(dependency);
					if (this.dropped.contains(on) || this.reshapedTables.contains(on) || this.viewsDropped.contains(on)) {
						this.viewsDropped.add(key);
						this.viewsCreated.add(key);
						more = true;
						break;
					}
				}
			}
		}
		this.dropped.addAll(this.viewsDropped);
		this.created.addAll(this.viewsCreated);
	}

	private void views() {
		List<View> drops = order(this.viewsDropped, this.currentViews);
		java.util.Collections.reverse(drops);
		for (View view : drops) {
			View after = this.desiredViews.get(key(view.name()));
			Step step;
			if (after == null) {
				step = Step.removed(viewSubject(view));
			}
			else if (after.definition().equals(view.definition()) && after.materialized() == view.materialized()) {
				step = Step.removed(viewSubject(view)).consequential();
			}
			else {
				step = Step.changed(viewSubject(view), view.definition(), after.definition());
			}
			add(Phase.DROP_VIEWS, step.up(SchemaSql.dropView(view)).down(SchemaSql.createView(view)));
		}
		for (View view : order(this.viewsCreated, this.desiredViews)) {
			boolean existed = this.currentViews.containsKey(key(view.name()));
			Step step = existed ? Step.added(viewSubject(view)).consequential() : Step.added(viewSubject(view));
			step.up(SchemaSql.createView(view)).down(SchemaSql.dropView(view));
			if (view.materialized()) {
				step.hazard("runs the query of materialized view " + view.name().display() + " to fill it");
			}
			add(Phase.CREATE_VIEWS, step);
		}
	}

	/** The views with these keys, each after the views it reads. */
	private static List<View> order(Set<String> keys, Map<String, View> views) {
		List<View> ordered = new ArrayList<>();
		Set<String> visited = new HashSet<>();
		for (String key : keys) {
			visit(key, keys, views, visited, ordered);
		}
		return ordered;
	}

	private static void visit(String key, Set<String> keys, Map<String, View> views, Set<String> visited,
			List<View> ordered) {
		if (!visited.add(key)) {
			return;
		}
		View view = views.get(key);
		for (Name dependency : view.dependsOn()) {
			String on = key(dependency);
			if (keys.contains(on) && views.containsKey(on)) {
				visit(on, keys, views, visited, ordered);
			}
		}
		ordered.add(view);
	}

	private static String viewSubject(View view) {
		return (view.materialized() ? "materialized view " : "view ") + view.name().display();
	}

	// triggers ------------------------------------------------------------------------------

	private void triggers() {
		Function<Trigger, String> keyOf = (trigger) -> "trigger:" + name(trigger.table()) + "." + trigger.name();
		Map<String, Trigger> current = byKey(this.current.triggers(), keyOf);
		Map<String, Trigger> desired = byKey(this.desired.triggers(), keyOf);
		for (String key : union(current, desired)) {
			Trigger before = current.get(key);
			Trigger after = desired.get(key);
			boolean beforeGone = before != null && relationDropped(before.table());
			boolean afterNew = after != null && relationCreated(after.table());
			boolean differ = before != null && after != null && !before.definition().equals(after.definition());
			if (before != null && (beforeGone || after == null || differ)) {
				Step step = beforeGone ? Step.removed(triggerSubject(before)).consequential()
						: differ ? Step.changed(triggerSubject(before), before.definition(), after.definition())
								: Step.removed(triggerSubject(before));
				if (!beforeGone) {
					step.up("DROP TRIGGER " + Identifiers.quote(before.name()) + " ON " + before.table().sql());
				}
				add(Phase.DROP_TRIGGERS, step.down(before.definition()));
				this.dropped.add(key);
			}
			if (after != null && (afterNew || before == null || differ || beforeGone)) {
				Step step = (before == null) ? Step.added(triggerSubject(after))
						: Step.added(triggerSubject(after)).consequential();
				step.up(after.definition());
				if (!afterNew) {
					step.down("DROP TRIGGER " + Identifiers.quote(after.name()) + " ON " + after.table().sql());
				}
				add(Phase.CREATE_TRIGGERS, step);
				this.created.add(key);
			}
		}
	}

	private static String triggerSubject(Trigger trigger) {
		return "table " + trigger.table().display() + ": trigger \"" + trigger.name() + "\"";
	}

	// schemas, extensions, types, sequences, routines ----------------------------------------

	private void schemas() {
		Set<String> current = new LinkedHashSet<>(this.current.schemas());
		Set<String> desired = new LinkedHashSet<>(this.desired.schemas());
		for (String schema : desired) {
			if (!current.contains(schema)) {
				add(Phase.CREATE_SCHEMAS, Step.added("schema \"" + schema + "\"").up(SchemaSql.createSchema(schema))
					.down(SchemaSql.dropSchema(schema)));
			}
		}
		for (String schema : current) {
			if (!desired.contains(schema)) {
				add(Phase.DROP_SCHEMAS, Step.removed("schema \"" + schema + "\"").up(SchemaSql.dropSchema(schema))
					.down(SchemaSql.createSchema(schema))
					.hazard("drops schema \"" + schema + "\""));
			}
		}
	}

	private void extensions() {
		Map<String, Extension> current = byKey(this.current.extensions(), Extension::name);
		Map<String, Extension> desired = byKey(this.desired.extensions(), Extension::name);
		for (String key : union(current, desired)) {
			Extension before = current.get(key);
			Extension after = desired.get(key);
			String subject = "extension \"" + key + "\"";
			if (before != null && (after == null || !before.schema().equals(after.schema()))) {
				Step step = (after == null) ? Step.removed(subject)
						: Step.changed(subject, "in schema \"" + before.schema() + "\"", "in schema \"" + after.schema() + "\"");
				add(Phase.DROP_EXTENSIONS, step.up(SchemaSql.dropExtension(before))
					.down(SchemaSql.createExtension(before))
					.hazard("drops extension \"" + key + "\" (fails while objects outside the extension use it)"));
			}
			if (after != null && (before == null || !before.schema().equals(after.schema()))) {
				Step step = (before == null) ? Step.added(subject) : Step.added(subject).consequential();
				add(Phase.CREATE_EXTENSIONS, step.up(SchemaSql.createExtension(after))
					.down(SchemaSql.dropExtension(after)));
			}
		}
	}

	private void enumTypes() {
		Map<String, EnumType> current = byKey(this.current.enumTypes(), (type) -> "type:" + name(type.name()));
		Map<String, EnumType> desired = byKey(this.desired.enumTypes(), (type) -> "type:" + name(type.name()));
		for (String key : union(current, desired)) {
			EnumType before = current.get(key);
			EnumType after = desired.get(key);
			if (before == null) {
				add(Phase.CREATE_TYPES, Step.added(typeSubject(after)).up(SchemaSql.createEnum(after))
					.down(SchemaSql.dropType(after)));
				this.created.add(key);
			}
			else if (after == null) {
				add(Phase.DROP_TYPES, Step.removed(typeSubject(before)).up(SchemaSql.dropType(before))
					.down(SchemaSql.createEnum(before)));
				this.dropped.add(key);
			}
			else if (!before.labels().equals(after.labels())) {
				add(Phase.CREATE_TYPES, new EnumChange(this.current, this.desired, before, after, this.defaultsAfterTypeChanges).step(typeSubject(before)));
			}
		}
	}

	private static String typeSubject(EnumType type) {
		return "type " + type.name().display();
	}

	private void sequences() {
		Map<String, Sequence> current = byKey(this.current.sequences(), (sequence) -> key(sequence.name()));
		Map<String, Sequence> desired = byKey(this.desired.sequences(), (sequence) -> key(sequence.name()));
		for (String key : union(current, desired)) {
			Sequence before = current.get(key);
			Sequence after = desired.get(key);
			String subject = "sequence " + ((before != null) ? before : after).name().display();
			if (before == null) {
				add(Phase.CREATE_SEQUENCES, Step.added(subject).up(SchemaSql.createSequence(after))
					.down(SchemaSql.dropSequence(after)));
				this.created.add(key);
			}
			else if (after == null) {
				add(Phase.DROP_SEQUENCES, Step.removed(subject).up(SchemaSql.dropSequence(before))
					.down(SchemaSql.createSequence(before))
					.hazard("drops sequence " + before.name().display() + " and its current value")
					.downgradeHazard("recreates sequence " + before.name().display() + " at its start value"));
				this.dropped.add(key);
			}
			else if (!sameOptions(before, after)) {
				add(Phase.CREATE_SEQUENCES, Step.changed(subject, SchemaSql.createSequence(before),
						SchemaSql.createSequence(after))
					.up(SchemaSql.alterSequence(after))
					.down(SchemaSql.alterSequence(before)));
			}
			boolean ownerChanges = before == null || after == null
					|| !Objects.equals(before.ownedByTable(), after.ownedByTable())
					|| !Objects.equals(before.ownedByColumn(), after.ownedByColumn());
			if (before != null && before.ownedByTable() != null && (ownerChanges
					|| this.dropped.contains(key(before.ownedByTable()))
					|| this.dropped.contains(columnKey(this.currentTables.get(key(before.ownedByTable())), before.ownedByColumn())))) {
				add(Phase.DISOWN_SEQUENCES, ownership(subject, before, after).up(SchemaSql.disownSequence(before))
					.down(SchemaSql.ownSequence(before)));
			}
			if (after != null && after.ownedByTable() != null && (ownerChanges
					|| this.created.contains(key(after.ownedByTable()))
					|| this.created.contains(columnKey(this.desiredTables.get(key(after.ownedByTable())), after.ownedByColumn())))) {
				add(Phase.OWN_SEQUENCES, ownership(subject, before, after).consequential()
					.up(SchemaSql.ownSequence(after))
					.down(SchemaSql.disownSequence(after)));
			}
		}
	}

	private static Step ownership(String subject, Sequence before, Sequence after) {
		if (before == null || after == null) {
			return Step.added(subject).consequential();
		}
		if (Objects.equals(before.ownedByTable(), after.ownedByTable())
				&& Objects.equals(before.ownedByColumn(), after.ownedByColumn())) {
			return Step.added(subject).consequential();
		}
		return Step.changed(subject, owner(before), owner(after));
	}

	private static String owner(Sequence sequence) {
		return (sequence.ownedByTable() != null)
				? "owned by " + sequence.ownedByTable().display() + ".\"" + sequence.ownedByColumn() + "\"" : "owned by none";
	}

	private static boolean sameOptions(Sequence a, Sequence b) {
		return a.type().equals(b.type()) && a.start() == b.start() && a.increment() == b.increment()
				&& a.min() == b.min() && a.max() == b.max() && a.cache() == b.cache() && a.cycle() == b.cycle();
	}

	private void routines() {
		Function<Routine, String> keyOf = (routine) -> "routine:" + name(routine.name()) + "(" + routine.argumentTypes()
				+ ")";
		Map<String, Routine> current = byKey(this.current.routines(), keyOf);
		Map<String, Routine> desired = byKey(this.desired.routines(), keyOf);
		for (String key : union(current, desired)) {
			Routine before = current.get(key);
			Routine after = desired.get(key);
			String subject = (((before != null) ? before : after).procedure() ? "procedure " : "function ")
					+ ((before != null) ? before : after).name().display() + "("
					+ ((before != null) ? before : after).arguments() + ")";
			Phase createPhase = (after != null && "sql".equals(after.language())) ? Phase.CREATE_SQL_ROUTINES
					: Phase.CREATE_ROUTINES;
			if (before == null) {
				add(createPhase, Step.added(subject).up(after.definition()).down(SchemaSql.dropRoutine(after)));
				this.created.add(key);
			}
			else if (after == null) {
				add("sql".equals(before.language()) ? Phase.DROP_SQL_ROUTINES : Phase.DROP_ROUTINES,
						Step.removed(subject).up(SchemaSql.dropRoutine(before))
					.down(before.definition()));
				this.dropped.add(key);
			}
			else if (!before.definition().equals(after.definition())) {
				boolean replaceable = Objects.equals(before.result(), after.result())
						&& before.arguments().equals(after.arguments()) && before.procedure() == after.procedure();
				if (replaceable) {
					add(createPhase, Step.changed(subject, before.definition(), after.definition())
						.up(after.definition())
						.down(before.definition()));
				}
				else {
					add(Phase.DROP_REPLACED_ROUTINES, Step.changed(subject, before.definition(), after.definition())
						.up(SchemaSql.dropRoutine(before))
						.down(before.definition())
						.hazard("drops " + subject + " to create it again (fails while other objects use it)"));
					add(createPhase, Step.added(subject).consequential().up(after.definition())
						.down(SchemaSql.dropRoutine(after)));
					this.dropped.add(key);
					this.created.add(key);
				}
			}
		}
	}

	// comments ------------------------------------------------------------------------------

	private void comments() {
		Map<String, Comment> current = byKey(this.current.comments(), Comment::target);
		Map<String, Comment> desired = byKey(this.desired.comments(), Comment::target);
		for (String key : union(current, desired)) {
			Comment before = current.get(key);
			Comment after = desired.get(key);
			boolean beforeGone = before != null && this.dropped.contains(before.owner());
			boolean afterNew = after != null && this.created.contains(after.owner());
			String subject = "comment on " + key;
			if (beforeGone) {
				add(Phase.COMMENT_REMOVALS,
						Step.removed(subject).consequential().down(SchemaSql.comment(key, before.text())));
			}
			if (afterNew) {
				add(Phase.COMMENTS, Step.added(subject).consequential().up(SchemaSql.comment(key, after.text())));
			}
			Comment living = beforeGone ? null : before;
			Comment wanted = afterNew ? null : after;
			if (living != null && wanted != null && !living.text().equals(wanted.text())) {
				add(Phase.COMMENTS, Step.changed(subject, Identifiers.literal(living.text()), Identifiers.literal(wanted.text()))
					.up(SchemaSql.comment(key, wanted.text()))
					.down(SchemaSql.comment(key, living.text())));
			}
			else if (living != null && wanted == null && !afterNew) {
				add(Phase.COMMENTS, Step.removed(subject).up("COMMENT ON " + key + " IS NULL")
					.down(SchemaSql.comment(key, living.text())));
			}
			else if (wanted != null && living == null && !beforeGone) {
				add(Phase.COMMENTS, Step.added(subject).up(SchemaSql.comment(key, wanted.text()))
					.down("COMMENT ON " + key + " IS NULL"));
			}
		}
	}

}
