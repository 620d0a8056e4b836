package dev.migrate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The session that holds the migration lock, as seen in {@code pg_locks} and
 * {@code pg_stat_activity}.
 *
 * @param pid the backend process id
 * @param applicationName the holder's {@code application_name}, possibly empty
 * @param clientAddress the holder's client address, or {@code null} for a local socket
 * @param since when the holder's current state began ({@code state_change}), or {@code null}
 */
public record LockHolder(int pid, String applicationName, @Nullable String clientAddress, @Nullable Instant since) {

	@Override
	public String toString() {
		return "pid " + this.pid + " (application '" + this.applicationName + "', client "
				+ ((this.clientAddress != null) ? this.clientAddress : "local socket")
				+ ((this.since != null) ? ", since " + this.since : "") + ")";
	}

}
