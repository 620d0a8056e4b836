package dev.migrate.graph;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * A parsed target of Alembic's grammar: a symbol ({@code head}, {@code heads}, {@code base}, a
 * revision id or unique id prefix) optionally followed by a relative step ({@code +N},
 * {@code -N}); a bare relative step ({@code +1}, {@code -2}) counts from the current heads.
 * Ranges ({@code from:to}) are not targets: see {@link TargetRange}.
 *
 * @param text the target as written
 * @param symbol the symbol, or {@code null} for a bare relative step
 * @param relative the relative step ({@code +N} positive, {@code -N} negative), 0 when none
 */
public record Target(String text, String symbol, int relative) {

	/** The symbol naming the single head of the graph. */
	public static final String HEAD = "head";

	/** The symbol naming every head of the graph. */
	public static final String HEADS = "heads";

	/** The symbol naming the empty state before any revision. */
	public static final String BASE = "base";

	/**
	 * Parse a target.
	 * @param text the target, e.g. {@code heads}, {@code ae10}, {@code -1}, {@code head-2}
	 * @return the target
	 * @throws MigrateException ({@link ErrorCode#INVALID_TARGET}) when the text is empty, a range
	 * or a malformed relative step
	 */
	public static Target parse(String text) {
		String trimmed = (text != null) ? text.strip() : "";
		if (trimmed.isEmpty()) {
			throw invalid(String.valueOf(text), "it is empty");
		}
		if (trimmed.indexOf(':') >= 0) {
			throw new MigrateException(ErrorCode.INVALID_TARGET,
					"Range revision not allowed: '" + trimmed + "'; ranges <from>:<to> only work for offline SQL",
					"Give a single target (head, heads, base, a revision id, +N, -N), or render the range as an "
							+ "offline SQL script");
		}
		int sign = indexOfSign(trimmed);
		if (sign < 0) {
			return new Target(trimmed, trimmed, 0);
		}
		String symbol = (sign > 0) ? trimmed.substring(0, sign) : null;
		String digits = trimmed.substring(sign + 1);
		if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw invalid(trimmed, "'" + trimmed.substring(sign) + "' is not a relative step like +1 or -2");
		}
		int steps = Integer.parseInt(digits);
		if (steps == 0) {
			throw invalid(trimmed, "a relative step must move at least one revision");
		}
		return new Target(trimmed, symbol, (trimmed.charAt(sign) == '+') ? steps : -steps);
	}

	private static int indexOfSign(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+' || c == '-') {
				return i;
			}
		}
		return -1;
	}

	private static MigrateException invalid(String text, String reason) {
		return new MigrateException(ErrorCode.INVALID_TARGET, "Target '" + text + "' is not valid: " + reason,
				"Use head, heads, base, a revision id or unique prefix, +N, -N, <id>+N, <id>-N or head-N");
	}

	/** Whether this target has a relative step. */
	public boolean isRelative() {
		return this.relative != 0;
	}

	/** Whether this target counts from the current heads (a bare {@code +N} or {@code -N}). */
	public boolean isFromCurrent() {
		return this.symbol == null;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
