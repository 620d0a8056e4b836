package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.command.CommandRunner;

/**
 * Says what to do about a failure in the words of the command line: where the engine's action
 * names a Spring Boot property ({@code migrate.lock.timeout}), the option and environment
 * variable that set it here ({@code --lock-timeout}); where it names a command, the
 * {@code migrate} command line. A missing revision location also says which locations this run
 * used and where they came from.
 */
final class CliAdvice {

	private static final Map<String, String> REPLACEMENTS = new LinkedHashMap<>();

	static {
		REPLACEMENTS.put("set migrate.locations", "pass --locations or set MIGRATE_LOCATIONS");
		REPLACEMENTS.put("migrate.lock.timeout", "--lock-timeout");
		REPLACEMENTS.put("migrate.validate-checksums=false", "--no-validate-checksums");
		REPLACEMENTS.put("set migrate.allow-unknown-revisions=true", "pass --allow-unknown-revisions");
		REPLACEMENTS.put("migrate.ddl.lock-timeout", "--ddl-lock-timeout");
		REPLACEMENTS.put("migrate.ddl.lock-retries", "--ddl-lock-retries");
		REPLACEMENTS.put(" (or start the application with migrate.mode=upgrade)", "");
		REPLACEMENTS.put("'accept-checksum ", "'migrate accept-checksum ");
		REPLACEMENTS.put("'stamp --purge ", "'migrate stamp --purge ");
	}

	private final String locations;

	/**
	 * Create the advice for one run.
	 * @param locations which revision locations the run used and where they came from, e.g.
	 * {@code This run used --locations filesystem:db}
	 */
	CliAdvice(String locations) {
		this.locations = locations;
	}

	/**
	 * The failure with its action in the command line's words.
	 * @param ex the failure
	 * @return the failure, or a copy with the translated action
	 */
	MigrateException translate(MigrateException ex) {
		String original = CommandRunner.action(ex);
		if (original == null) {
			return ex;
		}
		String action = original;
		for (Map.Entry<String, String> replacement : REPLACEMENTS.entrySet()) {
			action = action.replace(replacement.getKey(), replacement.getValue());
		}
		if (ex.code() == ErrorCode.LOCATION && original.contains("migrate.locations")) {
			action = action + ". " + this.locations;
		}
		return action.equals(ex.action()) ? ex : new MigrateException(ex.code(), ex.description(), action, ex);
	}

}
