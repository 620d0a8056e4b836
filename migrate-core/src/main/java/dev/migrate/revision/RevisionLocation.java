package dev.migrate.revision;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * A parsed revision location: {@code classpath:<path>} (the default when there is no prefix)
 * or {@code filesystem:<path>} (relative to the working directory).
 *
 * @param classpath whether the path is a classpath resource path, rather than a file system
 * path
 * @param path the path: for the classpath without leading or trailing {@code /}; for the file
 * system without a trailing {@code /}
 */
record RevisionLocation(boolean classpath, String path) {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	/**
	 * Parse a location.
	 * @param location the location as configured
	 * @return the parsed location
	 * @throws MigrateException with {@link ErrorCode#LOCATION} for an empty location, the
	 * classpath root, or an unknown prefix
	 */
	static RevisionLocation of(String location) {
		String trimmed = location.strip();
		if (trimmed.startsWith(FILESYSTEM)) {
			String path = trimmed.substring(FILESYSTEM.length());
			while (path.length() > 1 && (path.endsWith("/") || path.endsWith("\\"))) {
				path = path.substring(0, path.length() - 1);
			}
			if (path.isEmpty()) {
				throw invalid(location, "names no directory");
			}
			return new RevisionLocation(false, path);
		}
		String path = trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed;
		int colon = path.indexOf(':');
		if (!trimmed.startsWith(CLASSPATH) && colon > 1 && isScheme(path.substring(0, colon))) {
			throw invalid(location, "has the unknown prefix '" + path.substring(0, colon + 1) + "'");
		}
		int from = 0;
		int to = path.length();
		while (from < to && path.charAt(from) == '/') {
			from++;
		}
		while (to > from && path.charAt(to - 1) == '/') {
			to--;
		}
		if (from == to) {
			throw invalid(location, "names the classpath root");
		}
		return new RevisionLocation(true, path.substring(from, to));
	}

	private static boolean isScheme(String prefix) {
		for (int i = 0; i < prefix.length(); i++) {
			char c = prefix.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
				return false;
			}
		}
		return true;
	}

	private static MigrateException invalid(String location, String problem) {
		return new MigrateException(ErrorCode.LOCATION, "Revision location '" + location + "' " + problem,
				"Use classpath:<directory> (e.g. classpath:db/revisions) or filesystem:<directory>");
	}

	/** The location as written in sources and messages, e.g. {@code classpath:db/revisions}. */
	@Override
	public String toString() {
		return (this.classpath ? CLASSPATH : FILESYSTEM) + this.path;
	}

}
