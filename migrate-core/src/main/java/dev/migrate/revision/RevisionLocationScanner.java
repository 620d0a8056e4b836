package dev.migrate.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;

/**
 * Finds and reads the revision files of one location: every {@code *.sql} file under it,
 * recursively, from directories on the file system and from jars on the classpath.
 *
 * <p>
 * A classpath location is looked up once with {@link ClassLoader#getResources(String)}; each
 * directory or jar that holds it is then listed, and each file is read once. Files whose names
 * start with {@code .} are skipped, as are files not ending in {@code .sql}.
 */
final class RevisionLocationScanner {

	private static final Logger logger = LoggerFactory.getLogger(RevisionLocationScanner.class);

	private RevisionLocationScanner() {
	}

	/**
	 * Read the revision files of a location.
	 * @param location the location
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @param vocabulary how the caller names the locations setting
	 * @return the files, sorted by their path within each directory or jar
	 * @throws MigrateException with {@link ErrorCode#LOCATION} when the location does not exist
	 * or cannot be read
	 */
	static List<RevisionFile> scan(RevisionLocation location, ClassLoader classLoader, Vocabulary vocabulary) {
		return scan(location, classLoader, vocabulary, true);
	}

	/**
	 * Read the revision files of a location.
	 * @param location the location
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @param vocabulary how the caller names the locations setting
	 * @param useIndex whether files that match the location's {@link RevisionIndex} are taken
	 * from it instead of being read
	 * @return the files, sorted by their path within each directory or jar
	 * @throws MigrateException with {@link ErrorCode#LOCATION} when the location does not exist
	 * or cannot be read
	 */
	static List<RevisionFile> scan(RevisionLocation location, ClassLoader classLoader, Vocabulary vocabulary,
			boolean useIndex) {
		try {
			return location.classpath() ? scanClasspath(location, classLoader, vocabulary, useIndex)
					: scanFileSystem(location, vocabulary, useIndex);
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrateException(ErrorCode.LOCATION,
					"Revision location '" + location + "' cannot be read: " + ex.getMessage(),
					"Check that the location is readable", ex);
		}
	}

	private static List<RevisionFile> scanFileSystem(RevisionLocation location, Vocabulary vocabulary,
			boolean useIndex) throws IOException {
		Path directory = Path.of(location.path());
		if (!Files.exists(directory)) {
			throw new MigrateException(ErrorCode.LOCATION, "Revision location '" + location + "' does not exist",
					withOrigin("Create the directory " + directory.toAbsolutePath().normalize() + ", or set "
							+ vocabulary.setting(Setting.LOCATIONS)
							+ " to where the revisions are (relative paths start from the working directory "
							+ Path.of("").toAbsolutePath() + ")", vocabulary));
		}
		List<RevisionFile> files = new ArrayList<>();
		listDirectory(directory, location, files, useIndex);
		return files;
	}

	private static List<RevisionFile> scanClasspath(RevisionLocation location, ClassLoader classLoader,
			Vocabulary vocabulary, boolean useIndex) throws IOException {
		Map<String, URL> roots = new LinkedHashMap<>();
		Enumeration<URL> resources = classLoader.getResources(location.path());
		while (resources.hasMoreElements()) {
			URL url = resources.nextElement();
			roots.putIfAbsent(url.toString(), url);
		}
		if (roots.isEmpty()) {
			throw new MigrateException(ErrorCode.LOCATION, "Revision location '" + location + "' does not exist",
					withOrigin("Create the directory src/main/resources/" + location.path() + ", or set "
							+ vocabulary.setting(Setting.LOCATIONS) + " to where the revisions are (in a jar, "
							+ "the directory needs its own entry, which Maven, Gradle and Spring Boot jars have)",
							vocabulary));
		}
		List<RevisionFile> files = new ArrayList<>();
		for (URL root : roots.values()) {
			if ("file".equals(root.getProtocol())) {
				listDirectory(toPath(root), location, files, useIndex);
			}
			else if ("jar".equals(root.getProtocol())) {
				listJar(root, location, files, useIndex);
			}
			else {
				throw new MigrateException(ErrorCode.LOCATION,
						"Revision location '" + location + "' resolves to " + root
								+ ", which cannot be listed (only file: and jar: URLs can)",
						"Use a filesystem: location or package the revisions in a jar or directory on the classpath");
			}
		}
		return files;
	}

	private static Path toPath(URL url) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new MigrateException(ErrorCode.LOCATION, "Revision location URL " + url + " is not a valid URI",
					"Move the revisions to a directory whose path is a valid URI", ex);
		}
	}

	private static void listDirectory(Path directory, RevisionLocation location, List<RevisionFile> files,
			boolean useIndex) throws IOException {
		if (!Files.isDirectory(directory)) {
			throw notADirectory(location);
		}
		List<Path> paths;
		try (Stream<Path> found = Files.find(directory, Integer.MAX_VALUE,
				(path, attributes) -> attributes.isRegularFile()
						&& isRevisionFile(path.getFileName().toString(), path.toString()),
				FileVisitOption.FOLLOW_LINKS)) {
			paths = found.sorted().toList();
		}
		Path indexFile = directory.resolve(RevisionIndex.FILE_NAME);
		RevisionIndex index = (useIndex && Files.isRegularFile(indexFile))
				? readIndex(Files.readAllBytes(indexFile), location) : null;
		for (Path path : paths) {
			String relative = directory.relativize(path).toString().replace('\\', '/');
			String fileName = path.getFileName().toString();
			String source = location + "/" + relative;
			byte[] content = Files.readAllBytes(path);
			RevisionIndex.Entry entry = (index != null) ? index.get(relative) : null;
			if (entry != null && entry.matches(content.length, RevisionIndex.crc(content))) {
				files.add(new RevisionFile(fileName, relative, source, path.toString(), null, entry,
						() -> Files.readAllBytes(path)));
			}
			else {
				files.add(new RevisionFile(fileName, relative, source, path.toString(), content));
			}
		}
	}

	/** The index of a location, or {@code null} when it was written by another migrate. */
	private static RevisionIndex readIndex(byte[] content, RevisionLocation location) {
		RevisionIndex index = RevisionIndex.read(content);
		if (index == null) {
			logger.info("Ignoring the revision index of {}: it was written by another version of migrate; "
					+ "every revision file is parsed (write the index again at build time to start faster)", location);
		}
		return index;
	}

	private static void listJar(URL url, RevisionLocation location, List<RevisionFile> files, boolean useIndex)
			throws IOException {
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new MigrateException(ErrorCode.LOCATION,
					"Revision location '" + location + "' resolves to " + url + ", which is not a jar URL",
					"Use a filesystem: location or package the revisions in a jar or directory on the classpath");
		}
		jarConnection.setUseCaches(false);
		String entryName = jarConnection.getEntryName();
		String prefix = (entryName == null || entryName.isEmpty()) ? ""
				: (entryName.endsWith("/") ? entryName : entryName + "/");
		String base = url.toString();
		base = base.substring(0, base.length() - ((entryName != null) ? entryName.length() : 0));
		try (JarFile jar = jarConnection.getJarFile()) {
			JarEntry root = (entryName != null) ? jar.getJarEntry(entryName) : null;
			if (root != null && !root.isDirectory()) {
				throw notADirectory(location);
			}
			List<JarEntry> entries = new ArrayList<>();
			Enumeration<JarEntry> all = jar.entries();
			while (all.hasMoreElements()) {
				JarEntry entry = all.nextElement();
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix)
						&& isRevisionFile(name.substring(name.lastIndexOf('/') + 1), name)) {
					entries.add(entry);
				}
			}
			entries.sort((a, b) -> a.getName().compareTo(b.getName()));
			JarEntry indexEntry = useIndex ? jar.getJarEntry(prefix + RevisionIndex.FILE_NAME) : null;
			RevisionIndex index = (indexEntry != null) ? readIndex(read(jar, indexEntry), location) : null;
			for (JarEntry entry : entries) {
				String name = entry.getName();
				String fileName = name.substring(name.lastIndexOf('/') + 1);
				String relative = name.substring(prefix.length());
				String origin = base + name;
				RevisionIndex.Entry indexed = (index != null) ? index.get(relative) : null;
				if (indexed != null && indexed.matches(entry.getSize(), entry.getCrc())) {
					files.add(new RevisionFile(fileName, relative, location + "/" + relative, origin, null, indexed,
							() -> readUrl(origin)));
				}
				else {
					files.add(new RevisionFile(fileName, relative, location + "/" + relative, origin,
							read(jar, entry)));
				}
			}
		}
	}

	/** The action, followed by where this run's locations came from when the caller says. */
	private static String withOrigin(String action, Vocabulary vocabulary) {
		String origin = vocabulary.origin(Setting.LOCATIONS);
		return (origin != null) ? action + ". " + origin : action;
	}

	private static MigrateException notADirectory(RevisionLocation location) {
		return new MigrateException(ErrorCode.LOCATION, "Revision location '" + location + "' is not a directory",
				"Point the location at the directory that holds the revision files");
	}

	/** Read an entry, into an array of its exact size when the jar records the size. */
	private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
		try (InputStream input = jar.getInputStream(entry)) {
			long size = entry.getSize();
			if (size < 0 || size > Integer.MAX_VALUE - 8) {
				return input.readAllBytes();
			}
			byte[] content = new byte[(int) size];
			int read = input.readNBytes(content, 0, content.length);
			if (read != content.length || input.read() != -1) {
				throw new IOException("Entry " + entry.getName() + " does not have the size the jar records");
			}
			return content;
		}
	}

	/** Read a jar entry again, after the scan closed the jar. */
	private static byte[] readUrl(String url) throws IOException {
		URLConnection connection = new URL(url).openConnection();
		connection.setUseCaches(false);
		try (InputStream input = connection.getInputStream()) {
			return input.readAllBytes();
		}
	}

	private static boolean isRevisionFile(String fileName, String path) {
		if (fileName.endsWith(".sql") && !fileName.startsWith(".")) {
			return true;
		}
		if (logger.isDebugEnabled() && !fileName.isEmpty()) {
			logger.debug("Ignoring {}: revision files end in .sql and do not start with '.'", path);
		}
		return false;
	}

}
