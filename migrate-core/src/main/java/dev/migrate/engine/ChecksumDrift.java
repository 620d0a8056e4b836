package dev.migrate.engine;

import dev.migrate.revision.Revision;

/**
 * An applied revision whose file changed since it was applied.
 *
 * @param revision the revision as it is now
 * @param recorded the checksum recorded in the history table
 */
record ChecksumDrift(Revision revision, String recorded) {

	@Override
	public String toString() {
		return this.revision.id() + " (" + this.revision.source() + "): recorded checksum " + this.recorded
				+ ", file now " + this.revision.checksum();
	}

}
