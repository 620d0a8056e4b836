package dev.migrate.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrate.sql.SqlScanner.Kind;

/**
 * Computes the checksum of a SQL revision's meaning: comments and insignificant whitespace do
 * not count, literals, identifiers and keywords do.
 *
 * <p>
 * Each statement is reduced to its tokens (comments dropped, line breaks inside tokens read as
 * LF) separated by one space where the statement had whitespace or a comment, and by nothing
 * next to {@code ( ) , ; [ ]}, which never join with their neighbours. The SHA-256 covers the
 * reduced statements of each section with their lengths, so statement and section boundaries
 * count too.
 */
public final class SqlChecksum {

	private SqlChecksum() {
	}

	/**
	 * Compute the checksum of a revision's statements.
	 * @param upgrade the upgrade section's statements
	 * @param downgrade the downgrade section's statements, or {@code null} when the revision
	 * has no downgrade section
	 * @return the lower-case hex SHA-256 of the normalised statements
	 */
	public static String of(List<SqlStatement> upgrade, @Nullable List<SqlStatement> downgrade) {
		MessageDigest digest = sha256();
		StringBuilder buffer = new StringBuilder(256);
		section(digest, buffer, "upgrade", upgrade);
		if (downgrade != null) {
			section(digest, buffer, "downgrade", downgrade);
		}
		else {
			update(digest, "no downgrade\n");
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void section(MessageDigest digest, StringBuilder buffer, String name, List<SqlStatement> statements) {
		update(digest, name + " " + statements.size() + "\n");
		for (SqlStatement statement : statements) {
			buffer.setLength(0);
			normalize(statement.sql(), buffer);
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			update(digest, bytes.length + ":");
			digest.update(bytes);
			update(digest, "\n");
		}
	}

	/**
	 * Append the statement's tokens, without comments, with one space where whitespace
	 * separates tokens and with line breaks inside tokens as LF.
	 */
	static void normalize(String sql, StringBuilder out) {
		SqlScanner scanner = new SqlScanner(sql);
		boolean gap = false;
		boolean previousSelfDelimiting = true;
		for (Kind kind = scanner.next(); kind != null; kind = scanner.next()) {
			if (!kind.significant()) {
				gap = true;
				continue;
			}
			boolean selfDelimiting = isSelfDelimiting(kind, sql, scanner.start());
			if (gap && !previousSelfDelimiting && !selfDelimiting) {
				out.append(' ');
			}
			appendWithLineFeeds(sql, scanner.start(), scanner.end(), out);
			gap = false;
			previousSelfDelimiting = selfDelimiting;
		}
	}

	private static boolean isSelfDelimiting(Kind kind, String sql, int start) {
		return switch (kind) {
			case OPEN_PARENTHESIS, CLOSE_PARENTHESIS, SEMICOLON -> true;
			case OTHER -> {
				char c = sql.charAt(start);
				yield c == ',' || c == '[' || c == ']';
			}
			default -> false;
		};
	}

	private static void appendWithLineFeeds(String sql, int start, int end, StringBuilder out) {
		int from = start;
		for (int i = start; i < end; i++) {
			if (sql.charAt(i) == '\r') {
				out.append(sql, from, i).append('\n');
				from = (i + 1 < end && sql.charAt(i + 1) == '\n') ? i + 2 : i + 1;
				i = from - 1;
			}
		}
		out.append(sql, from, end);
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
