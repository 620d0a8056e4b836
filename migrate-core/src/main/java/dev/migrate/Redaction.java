package dev.migrate;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes credentials from text shown to people (failures, log lines, the database a command
 * names, the starter's endpoint and health): the value of every URL or connection parameter
 * whose name says it holds a secret ({@code password}, {@code sslpassword}, {@code pwd},
 * {@code secret}, {@code token}, {@code apikey}...), and the user information of a URL
 * ({@code postgres://user:secret@host} keeps the user, loses the password). The one
 * implementation every front end uses.
 */
public final class Redaction {

	/** What a removed credential is replaced with. */
	public static final String MASK = "******";

	/**
	 * A parameter whose name contains a credential word, with its value up to the next
	 * separator of URL queries ({@code &}), JDBC properties ({@code ;}) or words.
	 */
	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)\\b([\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|credential)[\\w.-]*)=[^&;\\s,)'\"]*");

	/** The user information of a URL: {@code //user:password@} or {@code //token@}. */
	private static final Pattern URL_USER_INFO = Pattern.compile("(//)([^/@:\\s]*)(:[^/@\\s]*)?@");

	private Redaction() {
	}

	/**
	 * Text with credentials masked.
	 * @param text the text, or {@code null}
	 * @return the text with every credential replaced by {@link #MASK}, or {@code null}
	 */
	public static @Nullable String redact(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String redacted = SECRET_PARAMETER.matcher(text).replaceAll("$1=" + MASK);
		return URL_USER_INFO.matcher(redacted).replaceAll((match) -> {
			String user = match.group(2);
			if (match.group(3) == null) {
				return "//" + MASK + "@";
			}
			return "//" + java.util.regex.Matcher.quoteReplacement(user) + ":" + MASK + "@";
		});
	}

}
