package dev.migrate.graph;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * A {@code <from>:<to>} range, accepted only for offline SQL: the script starts
 * as if the database were at {@code from} (empty = base) and goes to {@code to}.
 *
 * @param from the start target, or {@code null} for base
 * @param to the end target
 */
public record TargetRange(@Nullable String from, String to) {

	/**
	 * Whether the text is a range (contains {@code :}).
	 * @param text a target or range
	 * @return whether it is a range
	 */
	public static boolean isRange(String text) {
		return text != null && text.indexOf(':') >= 0;
	}

	/**
	 * Parse a range.
	 * @param text {@code <from>:<to>}, e.g. {@code 1975ea83b712:head} or {@code :heads}
	 * @return the range
	 * @throws MigrateException ({@link ErrorCode#INVALID_TARGET}) when it is not exactly one
	 * {@code from:to} pair with a {@code to}
	 */
	public static TargetRange parse(String text) {
		String trimmed = (text != null) ? text.strip() : "";
		int colon = trimmed.indexOf(':');
		if (colon < 0 || trimmed.indexOf(':', colon + 1) >= 0 || colon == trimmed.length() - 1) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"Range '" + trimmed + "' is not valid: expected <fromrev>:<torev>",
					"Write the range as from:to, e.g. 1975ea83b712:heads (leave from empty to start at base)");
		}
		String from = trimmed.substring(0, colon).strip();
		return new TargetRange(from.isEmpty() ? null : from, trimmed.substring(colon + 1).strip());
	}

	@Override
	public String toString() {
		return ((this.from != null) ? this.from : "") + ":" + this.to;
	}

}
