package dev.migrate.shadow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * PostgreSQL JDBC URLs pointed at another database of the same server, for front ends that
 * connect with a URL ({@link DatabaseConnector}).
 */
public final class JdbcUrls {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql:(?://[^/?]*)?/?)([^?]*)(\\?.*)?",
			Pattern.DOTALL);

	private JdbcUrls() {
	}

	/**
	 * The URL with its database replaced: {@code jdbc:postgresql://host:5432/app?ssl=true} and
	 * {@code shadow} give {@code jdbc:postgresql://host:5432/shadow?ssl=true}; several hosts,
	 * {@code jdbc:postgresql:app} and URLs without a database are understood too.
	 * @param url a {@code jdbc:postgresql:} URL
	 * @param database the database
	 * @return the URL of that database
	 * @throws MigrateException when the URL is not a PostgreSQL JDBC URL
	 */
	public static String withDatabase(String url, String database) {
		Matcher matcher = URL.matcher(url.strip());
		if (!matcher.matches()) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"Cannot point the JDBC URL at a shadow database: it does not start with jdbc:postgresql:",
					"Use a jdbc:postgresql://host:5432/database URL");
		}
		String prefix = matcher.group(1);
		if (prefix.startsWith("jdbc:postgresql://") && !prefix.endsWith("/")) {
			prefix = prefix + "/";
		}
		String query = (matcher.group(3) != null) ? matcher.group(3) : "";
		return prefix + database + query;
	}

}
