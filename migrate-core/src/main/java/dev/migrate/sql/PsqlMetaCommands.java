package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.sql.SqlScanner.Kind;

/**
 * The psql meta-command lines of a script ({@code \restrict KEY}, <code>&#92;unrestrict KEY</code>,
 * {@code \connect db}, {@code \set ...}), as {@code pg_dump} writes them: a line whose first
 * character outside quotes, comments and dollar-quoted bodies is a backslash. PostgreSQL itself
 * does not understand them, so a script is split and run without them.
 */
public final class PsqlMetaCommands {

	private PsqlMetaCommands() {
	}

	/**
	 * Find the meta-command lines of a script and blank them out.
	 * @param text the script
	 * @return the script with each meta-command line replaced by spaces (so that lines and
	 * columns of the rest stay where they were), and the meta-commands found
	 */
	public static Stripped strip(String text) {
		char[] stripped = text.toCharArray();
		List<MetaCommand> commands = new ArrayList<>();
		SqlScanner scanner = new SqlScanner(text);
		boolean lineStart = true;
		int line = 1;
		int counted = 0;
		for (Kind kind = scanner.next(); kind != null; kind = scanner.next()) {
			int start = scanner.start();
			if (lineStart && kind == Kind.OTHER && text.charAt(start) == '\\') {
				int end = text.indexOf('\n', start);
				end = (end < 0) ? text.length() : end;
				line += count(text, counted, start);
				counted = start;
				commands.add(new MetaCommand(text.substring(start, end).strip(), line));
				for (int i = start; i < end; i++) {
					stripped[i] = ' ';
				}
				scanner.moveTo(end);
				lineStart = false;
				continue;
			}
			if (kind == Kind.WHITESPACE) {
				lineStart = lineStart || count(text, start, scanner.end()) > 0;
			}
			else {
				lineStart = false;
			}
		}
		return new Stripped(new String(stripped), commands);
	}

	private static int count(String text, int from, int to) {
		int lines = 0;
		for (int i = from; i < to; i++) {
			if (text.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

	/**
	 * A script without its meta-command lines.
	 *
	 * @param sql the script with each meta-command line blanked out
	 * @param commands the meta-commands, in order
	 */
	public record Stripped(String sql, List<MetaCommand> commands) {

		public Stripped {
			commands = List.copyOf(commands);
		}

	}

	/**
	 * One meta-command line.
	 *
	 * @param text the line, e.g. {@code \restrict Abc123}
	 * @param line its 1-based line number
	 */
	public record MetaCommand(String text, int line) {

		/** The command's name without the backslash, e.g. {@code restrict}, {@code connect}, {@code c}. */
		public String name() {
			int end = 1;
			while (end < this.text.length() && !Character.isWhitespace(this.text.charAt(end))) {
				end++;
			}
			return this.text.substring(1, end);
		}

	}

}
