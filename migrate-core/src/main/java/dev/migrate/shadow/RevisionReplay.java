package dev.migrate.shadow;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;

/**
 * Replays every revision of a migrator into a shadow database, up to its heads, so that the
 * shadow holds the schema the revisions create.
 */
public final class RevisionReplay {

	private RevisionReplay() {
	}

	/**
	 * Upgrade the shadow database to the heads of the migrator's revisions, with its settings.
	 * @param migrator the migrator whose revisions and settings to use
	 * @param shadow the shadow database
	 * @throws MigrateException when a revision fails in the shadow, saying so
	 */
	public static void replay(Migrator migrator, ShadowDatabase shadow) {
		Migrator replay = Migrator.create(shadow.dataSource(), migrator.settings(), MigrationListener.NONE,
				migrator.graph().revisions());
		try {
			replay.upgrade("heads");
		}
		catch (MigrateException ex) {
			throw new MigrateException(ex.code(),
					"Replaying the revisions into the " + shadow.describe() + " failed: " + ex.description(),
					ex.action(), ex);
		}
	}

}
