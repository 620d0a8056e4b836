package dev.migrate.shadow;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.Migrator;
import dev.migrate.schema.SchemaDiff;

/**
 * The drift check: the revisions the database records as applied are replayed into a
 * shadow database (the live schema is read meanwhile), and the live schema is compared with the
 * one they create.
 */
public final class DriftCheck {

	private DriftCheck() {
	}

	/**
	 * Replay and compare.
	 * @param migrator the migrator of the live database (its revisions and settings)
	 * @param live the live database
	 * @param shadow an empty shadow database
	 * @return one sentence per difference, e.g. {@code table "account": column "nickname" exists
	 * in the database but no revision creates it}; empty when there is no drift
	 * @throws dev.migrate.MigrateException when a revision fails in the shadow, or the database
	 * records revisions these revisions do not include
	 */
	public static List<String> run(Migrator migrator, DataSource live, ShadowDatabase shadow) {
		List<String> applied = migrator.current();
		return SchemaDiff.describeDrift(SchemaComparison.between(live, "the database", shadow.dataSource(),
				"the " + shadow.describe(), migrator.settings(), () -> RevisionReplay.replay(migrator, shadow, applied)));
	}

}
