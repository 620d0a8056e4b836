package dev.migrate.engine;

/**
 * SQL string literals for statements sent as text.
 */
final class SqlLiterals {

	private SqlLiterals() {
	}

	/**
	 * Append a string literal in the escape syntax ({@code E'...'}, backslashes and quotes
	 * doubled), which means the same whatever {@code standard_conforming_strings} says.
	 * @param sql where to append
	 * @param value the value, or {@code null} for {@code NULL}
	 * @return {@code sql}
	 */
	static StringBuilder append(StringBuilder sql, String value) {
		if (value == null) {
			return sql.append("NULL");
		}
		sql.append("E'");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'' || c == '\\') {
				sql.append(c);
			}
			sql.append(c);
		}
		return sql.append('\'');
	}

	/**
	 * A string literal in the escape syntax.
	 * @param value the value, or {@code null} for {@code NULL}
	 * @return the literal
	 */
	static String of(String value) {
		return append(new StringBuilder(), value).toString();
	}

}
