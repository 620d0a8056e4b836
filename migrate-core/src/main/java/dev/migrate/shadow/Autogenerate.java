package dev.migrate.shadow;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.schema.SchemaChange;

/**
 * What autogenerating a revision writes: the desired schema scripts applied into a shadow
 * database, and the steps that turn the database's schema into the shadow's.
 */
public final class Autogenerate {

	private Autogenerate() {
	}

	/**
	 * Apply the desired schema into the shadow and diff (the database's catalog is read meanwhile).
	 * @param database the database the revision will run on (at its heads)
	 * @param shadow an empty shadow database
	 * @param desired the desired schema's scripts, applied in order
	 * @param settings the schema in scope and the migrate tables to leave out
	 * @return the steps from the database's schema to the desired one; empty when they match
	 * @throws dev.migrate.MigrateException when a script fails (naming its file and line) or a
	 * catalog cannot be read
	 */
	public static List<SchemaChange> changes(DataSource database, ShadowDatabase shadow, List<SchemaScript> desired,
			MigrateSettings settings) {
		return SchemaComparison.between(database, "the database", shadow.dataSource(), "the " + shadow.describe(),
				settings, () -> SchemaScript.applyAll(desired, shadow.dataSource()));
	}

}
