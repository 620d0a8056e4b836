package dev.migrate.autoconfigure;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.Vocabulary.Setting;

/**
 * Log lines that explain a state an operator could otherwise only guess: migrate turned off,
 * and tables created in a schema the application's own queries do not look in.
 */
final class StartupNotices {

	private static final Log logger = LogFactory.getLog(StartupNotices.class);

	private StartupNotices() {
	}

	/** {@code migrate.enabled=false}. */
	static void disabled() {
		logger.info("migrate is disabled (" + SpringBootVocabulary.ENABLED + "=false): no revision is applied or checked, and readiness "
				+ "does not wait for migrations");
	}

	/** {@code migrate.mode=off}. */
	static void modeOff() {
		logger.info(SpringBootVocabulary.MODE + "=off: no revision is applied or checked at startup, and readiness does "
				+ "not wait for migrations (the migrations health indicator still shows pending revisions; set "
				+ SpringBootVocabulary.MODE + "=await to stay not ready until another instance has migrated)");
	}

	/**
	 * Warn when {@code migrate.schema} names a schema the application's connection does not put
	 * on its search path through {@code currentSchema} (or {@code options=-c search_path=}):
	 * revisions create their tables there, and the application's unqualified queries would not
	 * find them.
	 * @param schema the value of {@code migrate.schema}, or {@code null}
	 * @param applicationUrl the JDBC URL of the application's connection, or {@code null}
	 */
	static void schemaOutsideSearchPath(String schema, String applicationUrl) {
		if (schema == null || schema.isBlank() || applicationUrl == null || "public".equals(schema.strip())
				|| searchPathIncludes(applicationUrl, schema.strip())) {
			return;
		}
		logger.warn(SpringBootVocabulary.INSTANCE.setting(Setting.SCHEMA) + "=" + schema.strip() + " puts the tables of the revisions in schema " + schema.strip()
				+ ", but the application's connection (" + withoutParameters(applicationUrl) + ") does not name it in "
				+ "currentSchema, so the application's own unqualified queries look in its default search_path and will "
				+ "not see those tables. Add ?currentSchema=" + schema.strip() + " to spring.datasource.url (unless the "
				+ "database role's search_path already starts with it)");
	}

	private static boolean searchPathIncludes(String url, String schema) {
		int query = url.indexOf('?');
		if (query < 0) {
			return false;
		}
		String wanted = schema.toLowerCase(Locale.ROOT);
		for (String parameter : url.substring(query + 1).split("&")) {
			String[] pair = parameter.split("=", 2);
			String name = pair[0].toLowerCase(Locale.ROOT);
			String value = (pair.length > 1) ? java.net.URLDecoder.decode(pair[1], java.nio.charset.StandardCharsets.UTF_8)
				.toLowerCase(Locale.ROOT) : "";
			if (name.equals("currentschema") && Arrays.stream(value.split(",")).map(String::strip)
				.anyMatch((candidate) -> candidate.equals(wanted) || candidate.equals("\"" + wanted + "\""))) {
				return true;
			}
			if (name.equals("options") && value.contains("search_path") && value.contains(wanted)) {
				return true;
			}
		}
		return false;
	}

	private static String withoutParameters(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

}
