package dev.migrate.command;

import java.util.List;
import java.util.Map;

/**
 * The one line printed for a command migrate does not have: for Alembic's commands that have no
 * counterpart, what to do instead; for any other name, where the commands are listed.
 */
final class UnknownCommands {

	private static final Map<String, String> INSTEAD = Map.of("edit",
			"open the revision file under the revisions directory (the first filesystem: location, e.g. "
					+ "src/main/resources/db/revisions) in your editor",
			"init",
			"add the migrate starter to the application (or use this command line) and create the directory "
					+ "src/main/resources/db/revisions for the revision files",
			"list_templates",
			"revision files have one format, an SQL file with a header (see 'Writing revisions' in the README); "
					+ "'revision' writes it",
			"ensure_version", "the version table is created by the first upgrade or stamp");

	private UnknownCommands() {
	}

	/**
	 * The exception reporting an unknown command.
	 * @param name the name given, e.g. {@code edit}
	 * @param suggestions the command whose name is closest to it, or none
	 * @param help how to list the commands, e.g. {@code migrate help}
	 * @return the exception
	 */
	static UnknownCommandException of(String name, List<String> suggestions, String help) {
		String instead = INSTEAD.get(name.replace('-', '_'));
		if (instead != null) {
			return new UnknownCommandException(
					"'" + name + "' is an Alembic command that migrate does not provide: " + instead);
		}
		String close = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
		return new UnknownCommandException(
				"Unknown command '" + name + "'" + close + "; run '" + help + "' for the commands");
	}

}
