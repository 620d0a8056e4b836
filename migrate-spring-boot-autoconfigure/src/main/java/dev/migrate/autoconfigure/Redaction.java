package dev.migrate.autoconfigure;

import java.util.regex.Pattern;

/**
 * Removes credentials from text shown outside the application (endpoint, health): passwords in
 * URL parameters and user information in URLs.
 */
public final class Redaction {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd|secret)=[^&;\\s]*");

	private static final Pattern URL_USER_INFO = Pattern.compile("(//)[^/@\\s]+@");

	private static final String MASK = "******";

	private Redaction() {
	}

	/**
	 * Text with credentials masked.
	 * @param text the text, or {@code null}
	 * @return the redacted text, or {@code null}
	 */
	public static String redact(String text) {
		if (text == null) {
			return null;
		}
		String redacted = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=" + MASK);
		return URL_USER_INFO.matcher(redacted).replaceAll("$1" + MASK + "@");
	}

}
