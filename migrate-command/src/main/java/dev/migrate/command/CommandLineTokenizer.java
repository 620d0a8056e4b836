package dev.migrate.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line given as one string (such as {@code migrate.command}) into arguments the
 * way a POSIX shell does for simple cases: whitespace separates arguments, {@code "..."} and
 * {@code '...'} quote (so {@code revision -m "add cart table"} gives three arguments), a
 * backslash escapes the next character outside single quotes.
 */
public final class CommandLineTokenizer {

	private CommandLineTokenizer() {
	}

	/**
	 * Split a command line.
	 * @param line the command line, e.g. {@code downgrade -1}
	 * @return the arguments
	 * @throws UsageException when a quote is not closed or the line ends with a backslash
	 */
	public static List<String> tokenize(String line) {
		List<String> tokens = new ArrayList<>();
		StringBuilder token = new StringBuilder();
		boolean inToken = false;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
				}
				else {
					token.append(c);
				}
			}
			else if (c == '\\') {
				if (i + 1 == line.length()) {
					throw new UsageException("The command line ends with a backslash: " + line);
				}
				char next = line.charAt(++i);
				if (quote == '"' && next != '"' && next != '\\') {
					token.append(c);
				}
				token.append(next);
				inToken = true;
			}
			else if (quote == '"') {
				if (c == '"') {
					quote = 0;
				}
				else {
					token.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inToken = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inToken) {
					tokens.add(token.toString());
					token.setLength(0);
					inToken = false;
				}
			}
			else {
				token.append(c);
				inToken = true;
			}
		}
		if (quote != 0) {
			throw new UsageException("The command line has an unclosed " + quote + " quote: " + line);
		}
		if (inToken) {
			tokens.add(token.toString());
		}
		return tokens;
	}

}
