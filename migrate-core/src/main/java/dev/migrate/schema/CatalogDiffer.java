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

import org.jspecify.annotations.Nullable;

import dev.migrate.schema.SchemaCatalog.Constraint;
import dev.migrate.schema.SchemaCatalog.EnumType;
import dev.migrate.schema.SchemaCatalog.Extension;
import dev.migrate.schema.SchemaCatalog.Index;
import dev.migrate.schema.SchemaCatalog.Name;
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
		ViewDiffer views = new ViewDiffer(this);
		views.classify();
		schemas();
		extensions();
		enumTypes();
		new SequenceDiffer(this).diff();
		new RoutineDiffer(this).diff();
		tables();
		new ColumnDiffer(this).diff();
		new ConstraintDiffer(this).diff();
		indexes();
		views.diff();
		triggers();
		new CommentDiffer(this).diff();
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
		return "column:" + qualified(table.name()) + "." + column;
	}

	static String qualified(Name name) {
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

	SchemaCatalog desired() {
		return this.desired;
	}

	Map<String, View> currentViews() {
		return this.currentViews;
	}

	Map<String, View> desiredViews() {
		return this.desiredViews;
	}

	/** Kept tables whose columns are dropped or change type. */
	Set<String> reshapedTables() {
		return this.reshapedTables;
	}

	/** Tables a new foreign key references: their new unique indexes stay in the transaction. */
	Set<String> uniqueNeeded() {
		return this.unique;
	}

	Map<String, String> defaultsAfterTypeChanges() {
		return this.defaultsAfterTypeChanges;
	}

	/** The default a column has when the column differ runs: changed by an enum type change, else as read. */
	@Nullable String defaultBeforeColumnChanges(Table table, String column, @Nullable String asRead) {
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
		// only table keys so far, each of a table in its catalog
		for (String key : List.copyOf(this.dropped)) {
			Table table = Objects.requireNonNull(this.currentTables.get(key));
			table.columns().forEach((column) -> this.dropped.add(columnKey(table, column.name())));
			table.constraints().forEach((constraint) -> this.dropped.add(constraintKey(table, constraint)));
		}
		for (String key : List.copyOf(this.created)) {
			Table table = Objects.requireNonNull(this.desiredTables.get(key));
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
		return "constraint:" + qualified(table.name()) + "." + constraint.name();
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
			Table recreated = this.desiredTables.get(key(table.name()));
			Step step = (recreated != null)
					? Step.changed(subject(table), partitioning(table), partitioning(recreated))
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

	// indexes -------------------------------------------------------------------------------

	boolean relationDropped(Name relation) {
		return this.dropped.contains(key(relation));
	}

	boolean relationCreated(Name relation) {
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
						: (differ && after != null)
								? Step.changed(indexSubject(before), before.definition(), after.definition())
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

	// triggers ------------------------------------------------------------------------------

	private void triggers() {
		Function<Trigger, String> keyOf = (trigger) -> "trigger:" + qualified(trigger.table()) + "." + trigger.name();
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
						: (differ && after != null)
								? Step.changed(triggerSubject(before), before.definition(), after.definition())
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
		Map<String, EnumType> current = byKey(this.current.enumTypes(), (type) -> "type:" + qualified(type.name()));
		Map<String, EnumType> desired = byKey(this.desired.enumTypes(), (type) -> "type:" + qualified(type.name()));
		for (String key : union(current, desired)) {
			EnumType before = current.get(key);
			EnumType after = desired.get(key);
			if (before == null) {
				EnumType added = Objects.requireNonNull(after, "a key of the union is in one catalog at least");
				add(Phase.CREATE_TYPES, Step.added(typeSubject(added)).up(SchemaSql.createEnum(added))
					.down(SchemaSql.dropType(added)));
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


}
