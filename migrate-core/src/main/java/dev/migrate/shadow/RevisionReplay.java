package dev.migrate.shadow;

import java.util.List;

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
		replay(migrator, shadow, List.of("heads"));
	}

	/**
	 * Upgrade the shadow database to targets of the migrator's revisions (e.g. the revisions a
	 * database records as applied), one after the other, with its settings.
	 * @param migrator the migrator whose revisions and settings to use
	 * @param shadow the shadow database
	 * @param targets the targets; none leaves the shadow empty
	 * @throws MigrateException when a revision fails in the shadow, saying so
	 */
	public static void replay(Migrator migrator, ShadowDatabase shadow, List<String> targets) {
		if (targets.isEmpty()) {
			return;
		}
		Migrator replay = Migrator.create(shadow.dataSource(), migrator.settings(), MigrationListener.NONE,
				migrator.graph().revisions());
		try {
			for (String target : targets) {
				replay.upgrade(target);
			}
		}
		catch (MigrateException ex) {
			throw new MigrateException(ex.code(),
					"Replaying the revisions into the " + shadow.describe() + " failed: " + ex.description(),
					ex.action(), ex);
		}
	}

}
