package dev.migrate.graph;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * A parsed target of Alembic's grammar: a symbol ({@code head}, {@code heads}, {@code base}, a
 * revision id, unique id prefix or branch label) optionally followed by a relative step
 * ({@code +N}, {@code -N}); a bare relative step ({@code +1}, {@code -2}) counts from the current
 * heads. Any of these may be scoped by a branch: {@code <branch>@<symbol>} where the branch is a
 * branch label or a revision ({@code billing@head}, {@code ae10@head}, {@code 27c6@1975},
 * {@code billing@+2}, {@code ae10@-1}). Ranges ({@code from:to}) are not targets: see
 * {@link TargetRange}.
 *
 * @param text the target as written
 * @param branch the branch before {@code @}, or {@code null} when there is none
 * @param symbol the symbol, or {@code null} for a bare relative step
 * @param relative the relative step ({@code +N} positive, {@code -N} negative), 0 when none
 */
public record Target(String text, @Nullable String branch, @Nullable String symbol, int relative) {

	/** The symbol naming the single head of the graph. */
	public static final String HEAD = "head";

	/** The symbol naming every head of the graph. */
	public static final String HEADS = "heads";

	/** The symbol naming the empty state before any revision. */
	public static final String BASE = "base";

	private static final String SYNTAX = "Write a target as head, heads, base, a revision id, unique prefix or branch "
			+ "label, optionally followed by +N or -N (ae10+1, head-2), or a bare +N or -N; scope it to a branch "
			+ "with <branch label or revision>@<target> (billing@head, ae10@head, 27c6@1975, billing@+2)";

	/**
	 * A target without a branch.
	 * @param text the target as written
	 * @param symbol the symbol, or {@code null} for a bare relative step
	 * @param relative the relative step, 0 when none
	 */
	public Target(String text, @Nullable String symbol, int relative) {
		this(text, null, symbol, relative);
	}

	/**
	 * Parse a target.
	 * @param text the target, e.g. {@code heads}, {@code ae10}, {@code -1}, {@code head-2},
	 * {@code billing@head}
	 * @return the target
	 * @throws MigrateException ({@link ErrorCode#INVALID_TARGET}) when the text is empty, a range
	 * or malformed, naming what is wrong with the syntax
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
		int at = trimmed.indexOf('@');
		String branch = null;
		String rest = trimmed;
		if (at >= 0) {
			branch = trimmed.substring(0, at).strip();
			rest = trimmed.substring(at + 1).strip();
			if (branch.isEmpty()) {
				throw invalid(trimmed, "nothing comes before '@' (expected a branch label or revision there)");
			}
			if (rest.isEmpty()) {
				throw invalid(trimmed, "nothing comes after '@' (expected head, heads, base, a revision, +N or -N)");
			}
			if (rest.indexOf('@') >= 0) {
				throw invalid(trimmed, "it has more than one '@'");
			}
			int sign = indexOfSign(branch);
			if (sign >= 0 || hasWhitespace(branch)) {
				throw invalid(trimmed, "the branch '" + branch + "' before '@' contains '"
						+ ((sign >= 0) ? String.valueOf(branch.charAt(sign)) : " ")
						+ "'; relative steps go after '@' (e.g. " + ((sign > 0) ? branch.substring(0, sign) : "billing")
						+ "@head" + ((sign >= 0) ? branch.substring(sign) : "-1") + ")");
			}
		}
		if (hasWhitespace(rest)) {
			throw invalid(trimmed, "it contains whitespace");
		}
		int sign = indexOfSign(rest);
		if (sign < 0) {
			return new Target(trimmed, branch, rest, 0);
		}
		String symbol = (sign > 0) ? rest.substring(0, sign) : null;
		String digits = rest.substring(sign + 1);
		if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw invalid(trimmed, "'" + rest.substring(sign) + "' is not a relative step like +1 or -2");
		}
		int steps = Integer.parseInt(digits);
		if (steps == 0) {
			throw invalid(trimmed, "a relative step must move at least one revision");
		}
		return new Target(trimmed, branch, symbol, (rest.charAt(sign) == '+') ? steps : -steps);
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

	private static boolean hasWhitespace(String text) {
		return text.chars().anyMatch(Character::isWhitespace);
	}

	private static MigrateException invalid(String text, String reason) {
		return new MigrateException(ErrorCode.INVALID_TARGET, "Target '" + text + "' is not valid: " + reason, SYNTAX);
	}

	/** Whether this target has a relative step. */
	public boolean isRelative() {
		return this.relative != 0;
	}

	/** Whether this target counts from the current heads (a bare {@code +N} or {@code -N}, or {@code <branch>@-N}). */
	public boolean isFromCurrent() {
		return this.symbol == null;
	}

	/** Whether this target is scoped to a branch ({@code <branch>@...}). */
	public boolean hasBranch() {
		return this.branch != null;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
