package dev.migrate.revision;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileVisitOption;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.jspecify.annotations.Nullable;
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
 *
 * <p>
 * A classpath location whose URL is neither {@code file:} nor {@code jar:} (a native image's
 * {@code resource:}, an application server's {@code vfs:}...) cannot be listed: it is read
 * through its {@link RevisionIndex revision index}, which names its files, and fails without
 * one. So is a location whose directory is not a resource but whose index is.
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
			return scanIndexesOnly(location, classLoader, vocabulary, useIndex);
		}
		List<RevisionFile> files = new ArrayList<>();
		for (URL root : roots.values()) {
			if ("file".equals(root.getProtocol())) {
				listDirectory(toPath(root), location, files, useIndex);
				continue;
			}
			if ("jar".equals(root.getProtocol())) {
				URLConnection connection = root.openConnection();
				if (connection instanceof JarURLConnection jarConnection) {
					listJar(root, jarConnection, location, files, useIndex);
					continue;
				}
			}
			URL indexUrl = child(root, RevisionIndex.FILE_NAME);
			byte[] index = readIfPresent(indexUrl);
			if (index == null) {
				throw new MigrateException(ErrorCode.LOCATION, "Revision location '" + location + "' resolves to "
						+ root + ", which cannot be listed (only file: and jar: URLs can), and it has no revision index "
						+ RevisionIndex.FILE_NAME + " to be read through",
						withOrigin(writeTheIndex(location, vocabulary), vocabulary));
			}
			listIndex(indexUrl, index, location, files, useIndex);
		}
		return files;
	}

	/**
	 * A classpath location whose directory is not a resource itself (a jar without directory
	 * entries, or a native image that keeps only the files) is read through the revision
	 * indexes found beside its files, if any.
	 */
	private static List<RevisionFile> scanIndexesOnly(RevisionLocation location, ClassLoader classLoader,
			Vocabulary vocabulary, boolean useIndex) throws IOException {
		Map<String, URL> indexes = new LinkedHashMap<>();
		Enumeration<URL> resources = classLoader.getResources(location.path() + "/" + RevisionIndex.FILE_NAME);
		while (resources.hasMoreElements()) {
			URL url = resources.nextElement();
			indexes.putIfAbsent(url.toString(), url);
		}
		if (indexes.isEmpty()) {
			throw new MigrateException(ErrorCode.LOCATION, "Revision location '" + location + "' does not exist",
					withOrigin("Create the directory src/main/resources/" + location.path() + ", or set "
							+ vocabulary.setting(Setting.LOCATIONS) + " to where the revisions are (in a jar, "
							+ "the directory needs its own entry, which Maven, Gradle and Spring Boot jars have)",
							vocabulary));
		}
		List<RevisionFile> files = new ArrayList<>();
		for (URL indexUrl : indexes.values()) {
			byte[] index = readIfPresent(indexUrl);
			if (index == null) {
				throw new MigrateException(ErrorCode.LOCATION,
						"The revision index " + indexUrl + " of location '" + location + "' cannot be read",
						"Check that the application's resources are complete, and build it again");
			}
			listIndex(indexUrl, index, location, files, useIndex);
		}
		return files;
	}

	/**
	 * Read the files of a location that cannot be listed, as its revision index lists them: each
	 * is read by its URL beside the index, and taken from the index when it still has the
	 * indexed size and CRC-32. Files that the index does not list are not seen.
	 */
	private static void listIndex(URL indexUrl, byte[] content, RevisionLocation location, List<RevisionFile> files,
			boolean useIndex) throws IOException {
		RevisionIndex trusted = useIndex ? RevisionIndex.read(content) : null;
		RevisionIndex index = (trusted != null) ? trusted : RevisionIndex.readFiles(content);
		if (index == null) {
			throw new MigrateException(ErrorCode.LOCATION,
					"The revision index " + indexUrl + " of location '" + location
							+ "' cannot be read: it is damaged or was written in another format",
					"Write the revision index again at build time with this version of migrate ("
							+ howToWriteTheIndex(location) + ")");
		}
		if (useIndex && trusted == null) {
			logger.info("The revision index {} was written by another version of migrate; the files it lists are "
					+ "all parsed (write the index again at build time to start faster)", indexUrl);
		}
		List<RevisionIndex.Entry> entries = index.entries();
		logger.debug("Reading {} through its revision index {} ({} files), as its directory cannot be listed: "
				+ "revision files that the index does not list are not seen", location, indexUrl, entries.size());
		for (RevisionIndex.Entry entry : entries) {
			String relative = entry.path();
			String fileName = relative.substring(relative.lastIndexOf('/') + 1);
			String source = location + "/" + relative;
			if (!isRevisionFile(fileName, source)) {
				continue;
			}
			URL url = sibling(indexUrl, relative);
			byte[] bytes = readIfPresent(url);
			if (bytes == null) {
				throw new MigrateException(ErrorCode.LOCATION,
						"Revision file " + source + " is listed in the revision index " + indexUrl
								+ " but is missing (" + url + ")",
						"The index is stale: write it again at build time from the revision files that are packaged ("
								+ howToWriteTheIndex(location) + "), or put the file back");
			}
			if (trusted != null && entry.matches(bytes.length, RevisionIndex.crc(bytes))) {
				files.add(new RevisionFile(fileName, relative, source, url.toString(), null, entry, () -> readUrl(url)));
			}
			else {
				if (trusted != null) {
					logger.debug("{} differs from its entry in the revision index {}: it is parsed", source, indexUrl);
				}
				files.add(new RevisionFile(fileName, relative, source, url.toString(), bytes));
			}
		}
	}

	/** What to do so that a location that cannot be listed can be read. */
	private static String writeTheIndex(RevisionLocation location, Vocabulary vocabulary) {
		return "Write the revision index at build time: " + howToWriteTheIndex(location)
				+ ", after the resources are copied there and before they are packaged; files added later are not "
				+ "seen until it is written again. Or set " + vocabulary.setting(Setting.LOCATIONS)
				+ " to a filesystem: location";
	}

	private static String howToWriteTheIndex(RevisionLocation location) {
		return "run dev.migrate.revision.RevisionIndexWriter on <build output>/" + location.path()
				+ " (Maven target/classes, Gradle build/resources/main), as migrate's README shows under "
				+ "\"The revision index\"";
	}

	/** The URL of a file under a directory URL, read with the directory URL's handler. */
	private static URL child(URL directory, String relative) throws IOException {
		String base = directory.toString();
		return new URL(directory, (base.endsWith("/") ? base : base + "/") + relative);
	}

	/** The URL of a file beside another one (the index), read with that one's handler. */
	private static URL sibling(URL file, String relative) throws IOException {
		String base = file.toString();
		return new URL(file, base.substring(0, base.lastIndexOf('/') + 1) + relative);
	}

	/** The bytes at a URL, or {@code null} when there is nothing there. */
	private static byte @Nullable [] readIfPresent(URL url) throws IOException {
		try {
			return readUrl(url);
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			return null;
		}
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
		List<FoundFile> found = findRevisionFiles(directory);
		Path indexFile = directory.resolve(RevisionIndex.FILE_NAME);
		RevisionIndex index = (useIndex && Files.isRegularFile(indexFile))
				? readIndex(Files.readAllBytes(indexFile), location) : null;
		for (FoundFile file : found) {
			Path path = file.path();
			String relative = file.relative();
			String source = location + "/" + relative;
			byte[] content = readFile(path);
			RevisionIndex.Entry entry = (index != null) ? index.get(relative) : null;
			if (entry != null && entry.matches(content.length, RevisionIndex.crc(content))) {
				files.add(new RevisionFile(file.name(), relative, source, path.toString(), null, entry,
						() -> Files.readAllBytes(path)));
			}
			else {
				files.add(new RevisionFile(file.name(), relative, source, path.toString(), content));
			}
		}
	}

	/**
	 * The revision files under a directory and its subdirectories (symbolic links followed), in
	 * the order of their paths relative to it, which are built as the tree is walked rather than
	 * derived from each file's path (a start with thousands of revisions lists them all).
	 */
	private static List<FoundFile> findRevisionFiles(Path directory) throws IOException {
		List<FoundFile> found = new ArrayList<>();
		Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					private final Deque<String> prefixes = new ArrayDeque<>();

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
						String parent = this.prefixes.peek();
						this.prefixes.push((parent != null) ? parent + dir.getFileName() + "/" : "");
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						String name = file.getFileName().toString();
						if (attributes.isRegularFile() && isRevisionFile(name, file.toString())) {
							found.add(new FoundFile(name, this.prefixes.getFirst() + name, file));
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException failure)
							throws IOException {
						if (failure != null) {
							throw failure;
						}
						this.prefixes.pop();
						return FileVisitResult.CONTINUE;
					}

				});
		found.sort(Comparator.comparing(FoundFile::relative));
		return found;
	}

	/**
	 * The bytes of a file; through a {@link FileInputStream}, which reads a small file with fewer
	 * objects and calls than {@link Files#readAllBytes} (thousands are read at every start).
	 */
	private static byte[] readFile(Path path) throws IOException {
		if (path.getFileSystem() != FileSystems.getDefault()) {
			return Files.readAllBytes(path);
		}
		try (FileInputStream input = new FileInputStream(path.toFile())) {
			return input.readAllBytes();
		}
	}

	/**
	 * A revision file found in a directory.
	 *
	 * @param name its file name
	 * @param relative its path relative to the directory, with {@code /} between names
	 * @param path where it is
	 */
	private record FoundFile(String name, String relative, Path path) {
	}

	/** The index of a location, or {@code null} when it was written by another migrate. */
	private static @Nullable RevisionIndex readIndex(byte[] content, RevisionLocation location) {
		RevisionIndex index = RevisionIndex.read(content);
		if (index == null) {
			logger.info("Ignoring the revision index of {}: it was written by another version of migrate; "
					+ "every revision file is parsed (write the index again at build time to start faster)", location);
		}
		return index;
	}

	private static void listJar(URL url, JarURLConnection jarConnection, RevisionLocation location,
			List<RevisionFile> files, boolean useIndex) throws IOException {
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
							() -> readUrl(new URL(origin))));
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

	/** Read a file by its URL: a jar entry again, after the scan closed the jar, or a file of an index. */
	private static byte[] readUrl(URL url) throws IOException {
		URLConnection connection = url.openConnection();
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
