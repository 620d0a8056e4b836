package dev.migrate.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrate.schema.SchemaCatalog.EnumType;
import dev.migrate.schema.SchemaCatalog.Name;
import dev.migrate.schema.SchemaCatalog.Routine;
import dev.migrate.schema.SchemaCatalog.View;

/**
 * View and materialized view differences: views whose definition changes, or that read a table
 * column that is dropped or changes type, or a rebuilt view, or that use a routine that is dropped
 * and created again or an enum type whose labels change (directly or through a column of that
 * type), are dropped (dependents first) and created again (dependencies first).
 */
final class ViewDiffer {

	private final CatalogDiffer differ;

	ViewDiffer(CatalogDiffer differ) {
		this.differ = differ;
	}


	private final Set<String> viewsDropped = new LinkedHashSet<>();

	private final Set<String> viewsCreated = new LinkedHashSet<>();

	void classify() {
		for (String key : CatalogDiffer.union(this.differ.currentViews(), this.differ.desiredViews())) {
			View before = this.differ.currentViews().get(key);
			View after = this.differ.desiredViews().get(key);
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
		Set<String> rebuilt = rebuiltRoutinesAndTypes();
		for (View view : this.differ.currentViews().values()) {
			String key = CatalogDiffer.key(view.name());
			if (this.differ.desiredViews().containsKey(key) && view.uses().stream().anyMatch(rebuilt::contains)) {
				this.viewsDropped.add(key);
				this.viewsCreated.add(key);
			}
		}
		boolean more = true;
		while (more) {
			more = false;
			for (View view : this.differ.currentViews().values()) {
				String key = CatalogDiffer.key(view.name());
				if (this.viewsDropped.contains(key) || !this.differ.desiredViews().containsKey(key)) {
					continue;
				}
				for (Name dependency : view.dependsOn()) {
					String on = CatalogDiffer.key(dependency);
					if (this.differ.dropped().contains(on) || this.differ.reshapedTables().contains(on) || this.viewsDropped.contains(on)) {
						this.viewsDropped.add(key);
						this.viewsCreated.add(key);
						more = true;
						break;
					}
				}
			}
		}
		this.differ.dropped().addAll(this.viewsDropped);
		this.differ.created().addAll(this.viewsCreated);
	}

	/**
	 * The routines dropped (or dropped and created again) and the enum types whose labels
	 * change (rebuilt by the upgrade or by the downgrade): views that use them cannot stay.
	 */
	private Set<String> rebuiltRoutinesAndTypes() {
		Set<String> rebuilt = new HashSet<>();
		Map<String, Routine> desired = CatalogDiffer.byKey(this.differ.desired().routines(), RoutineDiffer::key);
		for (Routine before : this.differ.current().routines()) {
			Routine after = desired.get(RoutineDiffer.key(before));
			if (after == null || (!before.definition().equals(after.definition()) && !RoutineDiffer.replaceable(before, after))) {
				rebuilt.add(RoutineDiffer.key(before));
			}
		}
		Map<String, EnumType> desiredTypes = CatalogDiffer.byKey(this.differ.desired().enumTypes(),
				(type) -> "type:" + CatalogDiffer.qualified(type.name()));
		for (EnumType before : this.differ.current().enumTypes()) {
			String key = "type:" + CatalogDiffer.qualified(before.name());
			EnumType after = desiredTypes.get(key);
			if (after == null || !before.labels().equals(after.labels())) {
				rebuilt.add(key);
			}
		}
		return rebuilt;
	}

	void diff() {
		List<View> drops = order(this.viewsDropped, this.differ.currentViews());
		java.util.Collections.reverse(drops);
		for (View view : drops) {
			View after = this.differ.desiredViews().get(CatalogDiffer.key(view.name()));
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
			this.differ.add(Phase.DROP_VIEWS, step.up(SchemaSql.dropView(view)).down(SchemaSql.createView(view)));
		}
		for (View view : order(this.viewsCreated, this.differ.desiredViews())) {
			boolean existed = this.differ.currentViews().containsKey(CatalogDiffer.key(view.name()));
			Step step = existed ? Step.added(viewSubject(view)).consequential() : Step.added(viewSubject(view));
			step.up(SchemaSql.createView(view)).down(SchemaSql.dropView(view));
			if (view.materialized()) {
				step.hazard("runs the query of materialized view " + view.name().display() + " to fill it");
			}
			this.differ.add(Phase.CREATE_VIEWS, step);
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
		View view = Objects.requireNonNull(views.get(key), "the keys name views of the map");
		for (Name dependency : view.dependsOn()) {
			String on = CatalogDiffer.key(dependency);
			if (keys.contains(on) && views.containsKey(on)) {
				visit(on, keys, views, visited, ordered);
			}
		}
		ordered.add(view);
	}

	private static String viewSubject(View view) {
		return (view.materialized() ? "materialized view " : "view ") + view.name().display();
	}

}
