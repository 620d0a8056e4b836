package dev.migrate.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit key of the migration's advisory lock. Unless configured, it is the first 8 bytes
 * (big-endian) of the SHA-256 of {@code <schema>.<version table>} in UTF-8, so every instance
 * migrating the same tables contends for the same lock and instances using other tables do
 * not. PostgreSQL shows a bigint advisory lock in {@code pg_locks} with its high 32 bits in
 * {@code classid}, its low 32 bits in {@code objid} and {@code objsubid = 1}.
 *
 * @param value the key passed to {@code pg_try_advisory_lock(bigint)}
 */
record LockKey(long value) {

	/**
	 * The key derived from where the version table is.
	 * @param schema the schema of the version table (as stored, unquoted)
	 * @param versionTable the name of the version table (as stored, unquoted)
	 * @return the key
	 */
	static LockKey derive(String schema, String versionTable) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((schema + "." + versionTable).getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (digest[i] & 0xFF);
			}
			return new LockKey(value);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The {@code pg_locks.classid} of this key: its high 32 bits, unsigned. */
	long classId() {
		return this.value >>> 32;
	}

	/** The {@code pg_locks.objid} of this key: its low 32 bits, unsigned. */
	long objId() {
		return this.value & 0xFFFFFFFFL;
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
