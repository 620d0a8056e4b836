package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.Vocabulary.Command;
import dev.migrate.command.CommandLines;

/**
 * The warning logged when the startup upgrade to {@code heads} leaves the database at several
 * heads (branches applied side by side): it names the heads and the merge command to run, with
 * {@code --dir} pointing at the sources when the revisions are read from the classpath (where
 * the command could not write).
 */
final class SeveralHeadsWarning {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private SeveralHeadsWarning() {
	}

	/**
	 * The warning for the default instance.
	 * @param heads the heads, sorted
	 * @param locations the configured locations
	 * @return the message
	 */
	static String message(List<String> heads, List<String> locations) {
		return message(heads, locations, MigrateInstance.DEFAULT);
	}

	/**
	 * The warning for an instance. Command mode runs on the default instance only, so a further
	 * instance is told to merge with the CLI, pointed at its revisions.
	 * @param heads the heads, sorted
	 * @param locations the instance's locations
	 * @param instance the instance's name
	 * @return the message
	 */
	static String message(List<String> heads, List<String> locations, String instance) {
		String merge = CommandLines.line(Command.merge("merge heads", List.of("heads")));
		String directory = sourceDirectory(locations);
		boolean isDefault = MigrateInstance.DEFAULT.equals(instance);
		String target = isDefault ? SpringBootVocabulary.TARGET
				: SpringBootVocabulary.INSTANCES + "." + instance + ".target";
		String heading = "Database is at several heads: " + String.join(", ", heads) + " (" + target
				+ "=heads applies every branch). Merge them into one head so that the next revision has a single "
				+ "parent: ";
		if (!isDefault) {
			String where = (directory != null) ? "filesystem:" + directory : String.join(",", locations);
			return heading + "run 'migrate " + merge + " --locations " + where + "' with the CLI against this "
					+ "instance's database from the project root (" + SpringBootVocabulary.COMMAND
					+ " runs on the default instance only), then commit the new revision file";
		}
		String inApplication = (directory != null) ? merge + " --dir " + directory : merge;
		return heading + "run the application with " + SpringBootVocabulary.commandArgument(inApplication)
				+ " (or 'migrate " + merge + "' with the CLI from the project root), then commit the new revision file";
	}

	/**
	 * Where the command should write when every location is on the classpath: the Maven or
	 * Gradle resources directory of the first one; {@code null} when a {@code filesystem:}
	 * location exists (the command writes there).
	 */
	private static String sourceDirectory(List<String> locations) {
		if (locations.stream().anyMatch((location) -> location.strip().startsWith(FILESYSTEM))) {
			return null;
		}
		String first = locations.get(0).strip();
		String path = first.startsWith(CLASSPATH) ? first.substring(CLASSPATH.length()) : first;
		path = path.replaceAll("^/+", "").replaceAll("/+$", "");
		return "src/main/resources" + (path.isEmpty() ? "" : "/" + path);
	}

}
