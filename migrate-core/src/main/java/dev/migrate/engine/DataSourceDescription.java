package dev.migrate.engine;

import java.lang.reflect.Method;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * How failures name a {@link DataSource}: its JDBC URL and user, read from the getters that
 * pools and drivers offer ({@code getJdbcUrl()} of HikariCP, {@code getUrl()} of Spring's and
 * Tomcat's data sources, {@code getURL()} of pgjdbc's), without the URL's parameters (they
 * may hold a password, and pgjdbc lists every default) and with any user information masked;
 * else the data source's class.
 */
final class DataSourceDescription {

	private static final String[] URL_GETTERS = { "getJdbcUrl", "getUrl", "getURL" };

	private static final String[] USER_GETTERS = { "getUsername", "getUser" };

	private static final Pattern URL_USER_INFO = Pattern.compile("(//)[^/@\\s]+@");

	private DataSourceDescription() {
	}

	/**
	 * Describe a data source.
	 * @param dataSource the data source
	 * @return e.g. {@code jdbc:postgresql://db:5432/app (user app)}, or
	 * {@code the data source (com.example.MyDataSource)}
	 */
	static String of(DataSource dataSource) {
		String url = firstString(dataSource, URL_GETTERS);
		if (url == null) {
			return "the data source (" + dataSource.getClass().getName() + ")";
		}
		String user = firstString(dataSource, USER_GETTERS);
		return redact(url) + ((user != null) ? " (user " + user + ")" : "");
	}

	/** A URL without its parameters and with user information masked. */
	static String redact(String url) {
		int query = url.indexOf('?');
		String base = (query >= 0) ? url.substring(0, query) : url;
		return URL_USER_INFO.matcher(base).replaceAll("$1******@");
	}

	private static @Nullable String firstString(Object target, String[] getters) {
		for (String getter : getters) {
			try {
				Method method = target.getClass().getMethod(getter);
				if (method.getParameterCount() == 0 && method.invoke(target) instanceof String value
						&& !value.isBlank()) {
					return value;
				}
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				// not this getter
			}
		}
		return null;
	}

}
