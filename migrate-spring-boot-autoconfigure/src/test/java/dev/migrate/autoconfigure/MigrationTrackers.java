package dev.migrate.autoconfigure;

import java.util.List;

/**
 * Trackers in a given state, for the tests of the packages that read a {@link MigrationTracker}.
 */
public final class MigrationTrackers {

	private MigrationTrackers() {
	}

	/**
	 * A tracker whose startup action has not finished, so traffic is refused.
	 * @return the tracker
	 */
	public static MigrationTracker refusingTraffic() {
		return new MigrationTracker(true);
	}

	/**
	 * Mark the startup action of a tracker finished at the given heads.
	 * @param tracker the tracker
	 * @param heads the heads
	 */
	public static void startupSucceeded(MigrationTracker tracker, List<String> heads) {
		tracker.startupSucceeded(heads);
	}

}
