package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The resource patterns of revision locations, for native-image hints.
 */
final class RevisionLocations {

	private static final String CLASSPATH = "classpath:";

	private RevisionLocations() {
	}

	/**
	 * The resource pattern of every file under a {@code classpath:} location.
	 * @param location a location, such as {@code classpath:db/revisions}
	 * @return the pattern, such as {@code db/revisions/**}, or {@code null} for a location
	 * that is not on the classpath
	 */
	static @Nullable String pattern(String location) {
		String trimmed = location.strip();
		if (!trimmed.startsWith(CLASSPATH)) {
			return null;
		}
		String path = trimmed.substring(CLASSPATH.length());
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path.isEmpty() ? "**" : path + "/**";
	}

}
