package dev.migrate.revision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Writes jars for tests and the loading benchmark, with an entry for every directory, as
 * Maven, Gradle and Spring Boot write them.
 */
final class TestJars {

	private TestJars() {
	}

	/**
	 * Write a jar.
	 * @param jar the file to write
	 * @param files the files: entry name (e.g. {@code db/revisions/a.sql}) to UTF-8 content
	 * @return the jar
	 */
	static Path write(Path jar, Map<String, String> files) {
		TreeSet<String> directories = new TreeSet<>();
		for (String name : files.keySet()) {
			for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
				directories.add(name.substring(0, slash + 1));
			}
		}
		try (OutputStream output = Files.newOutputStream(jar); JarOutputStream jarOutput = new JarOutputStream(output)) {
			for (String directory : directories) {
				jarOutput.putNextEntry(new JarEntry(directory));
				jarOutput.closeEntry();
			}
			for (Map.Entry<String, String> file : files.entrySet()) {
				jarOutput.putNextEntry(new JarEntry(file.getKey()));
				jarOutput.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				jarOutput.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jar;
	}

}
