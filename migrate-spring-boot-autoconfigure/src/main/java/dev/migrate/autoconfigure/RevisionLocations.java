package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The resource patterns of revision locations, for native-image hints.
 */
final class RevisionLocations {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private RevisionLocations() {
	}

	/**
	 * The resource pattern of every file under a {@code classpath:} location, its revision
	 * index {@code migrate.index} included.
	 * @param location a location, such as {@code classpath:db/revisions} or {@code db/revisions}
	 * (no prefix means the classpath)
	 * @return the pattern, such as {@code db/revisions/**}, or {@code null} for a
	 * {@code filesystem:} location
	 */
	static @Nullable String pattern(String location) {
		String trimmed = location.strip();
		if (trimmed.startsWith(FILESYSTEM)) {
			return null;
		}
		String path = trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed;
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path.isEmpty() ? "**" : path + "/**";
	}

}
