package dev.migrate.revision;

import org.jspecify.annotations.Nullable;

/**
 * The rules for revision ids, shared by SQL and Java revisions.
 */
final class RevisionIds {

	/** The longest id allowed, so that ids fit the version table's column. */
	static final int MAX_LENGTH = 32;

	/** What to do about an invalid id, for error messages. */
	static final String RULE = "Use 1-" + MAX_LENGTH
			+ " characters without whitespace or any of @ - + : , (for example a 12-digit hex id like 1975ea83b712)";

	/** What to do about an invalid branch label, for error messages. */
	static final String LABEL_RULE = "Use a name of 1-" + MAX_LENGTH + " characters without whitespace or any of @ - + : , that is not head, heads, "
			+ "base or current (for example billing or shopping_cart)";

	private RevisionIds() {
	}

	/**
	 * Check a branch label.
	 * @param label the label to check
	 * @return what is wrong with it, or {@code null} when it is valid
	 */
	static @Nullable String labelProblem(String label) {
		if (label.equals("current")) {
			return "is a reserved word of the target syntax";
		}
		return problem(label);
	}

	/**
	 * Check an id.
	 * @param id the id to check
	 * @return what is wrong with it (for example {@code "contains '-'"}), or {@code null} when
	 * it is valid
	 */
	static @Nullable String problem(String id) {
		if (id.isEmpty()) {
			return "is empty";
		}
		if (id.length() > MAX_LENGTH) {
			return "is " + id.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
		}
		if (id.equals("head") || id.equals("heads") || id.equals("base")) {
			return "is a reserved word of the target syntax";
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c == '@' || c == '-' || c == '+' || c == ':' || c == ',') {
				return "contains '" + c + "'";
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				return "contains whitespace";
			}
			if (Character.isISOControl(c)) {
				return "contains a control character";
			}
		}
		return null;
	}

}
