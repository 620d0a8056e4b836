package dev.migrate.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.Redaction;
import dev.migrate.command.UsageException;

/**
 * A database URL as given on the command line or in {@code DATABASE_URL}: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db}) or the {@code postgres://user:password@host:port/db}
 * form of Heroku, Render, Fly.io and libpq, turned into a JDBC URL and credentials.
 *
 * @param jdbcUrl the JDBC URL
 * @param user the user the URL names, or {@code null}
 * @param password the password the URL names, or {@code null}
 */
record DatabaseUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {

	private static final String JDBC = "jdbc:postgresql:";

	/**
	 * Parse a URL.
	 * @param url the URL
	 * @param source where it came from, for messages ({@code --url}, {@code DATABASE_URL})
	 * @return the parsed URL
	 * @throws UsageException when it is neither form
	 */
	static DatabaseUrl parse(String url, String source) {
		String trimmed = url.strip();
		if (trimmed.startsWith(JDBC)) {
			return new DatabaseUrl(trimmed, null, null);
		}
		if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
			throw invalid(source, "it starts with neither jdbc:postgresql: nor postgres://");
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw invalid(source, ex.getReason() + " at index " + ex.getIndex());
		}
		if (uri.getHost() == null) {
			throw invalid(source, "it names no host");
		}
		String user = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			user = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
		}
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
		if (uri.getPort() >= 0) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/");
		if (uri.getRawQuery() != null) {
			jdbc.append('?').append(uri.getRawQuery());
		}
		return new DatabaseUrl(jdbc.toString(), (user != null && !user.isEmpty()) ? user : null, password);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static UsageException invalid(String source, String reason) {
		return new UsageException(source + " is not a PostgreSQL database URL (" + reason
				+ "); use jdbc:postgresql://host:5432/db or postgres://user:password@host:5432/db");
	}

	/** The JDBC URL without credentials ({@link Redaction}), to show. */
	String display() {
		// a URL in, a URL out
		return Objects.requireNonNull(Redaction.redact(this.jdbcUrl));
	}

}
