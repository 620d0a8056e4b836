package dev.migrate;

/**
 * The words of the Spring Boot starter: {@code migrate.*} properties, and commands run by the
 * application itself with {@code --migrate.command}.
 */
final class SpringBootVocabulary implements Vocabulary {

	static final SpringBootVocabulary INSTANCE = new SpringBootVocabulary();

	private SpringBootVocabulary() {
	}

	@Override
	public String setting(Setting setting) {
		return switch (setting) {
			case LOCATIONS -> "migrate.locations";
			case SCHEMA -> "migrate.schema";
			case VERSION_TABLE -> "migrate.version-table";
			case HISTORY_TABLE -> "migrate.history-table";
			case LOCK_TIMEOUT -> "migrate.lock.timeout";
			case DDL_LOCK_TIMEOUT -> "migrate.ddl.lock-timeout";
			case DDL_LOCK_RETRIES -> "migrate.ddl.lock-retries";
			case VALIDATE_CHECKSUMS -> "migrate.validate-checksums=false";
			case ALLOW_UNKNOWN_REVISIONS -> "migrate.allow-unknown-revisions=true";
			case CONNECTION -> "migrate.url/username/password";
			case URL -> "migrate.url (default: spring.datasource.url)";
			case CONNECT_RETRIES -> "migrate.connect-retries";
			case NETWORK_TIMEOUT -> "migrate.network-timeout";
			case SHADOW_URL -> "migrate.shadow-url";
		};
	}

	/**
	 * {@code --migrate.command="<line>"}, in single quotes when the line holds characters that
	 * double quotes would not keep as they are.
	 */
	@Override
	public String command(Command command) {
		String line = command.line();
		boolean special = line.chars().anyMatch((c) -> "\"\\$`".indexOf(c) >= 0);
		if (special && line.indexOf('\'') < 0) {
			return "--migrate.command='" + line + "'";
		}
		return "--migrate.command=\"" + line.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")
			.replace("`", "\\`") + "\"";
	}

	@Override
	public String toString() {
		return "Vocabulary.springBoot()";
	}

}
