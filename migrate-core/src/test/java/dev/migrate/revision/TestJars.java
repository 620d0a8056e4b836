package dev.migrate.revision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Writes jars for tests and the loading benchmark, with an entry for every directory, as
 * Maven, Gradle and Spring Boot write them.
 */
final class TestJars {

	private TestJars() {
	}

	/**
	 * Write a compressed jar.
	 * @param jar the file to write
	 * @param files the files: entry name (e.g. {@code db/revisions/a.sql}) to UTF-8 content
	 * @return the jar
	 */
	static Path write(Path jar, Map<String, String> files) {
		Map<String, byte[]> content = new LinkedHashMap<>();
		files.forEach((name, text) -> content.put(name, text.getBytes(StandardCharsets.UTF_8)));
		return write(jar, content, null, false);
	}

	/**
	 * Write a jar.
	 * @param jar the file to write
	 * @param files the files: entry name to content
	 * @param manifest the manifest or {@code null}
	 * @param stored whether to store the entries uncompressed, as Spring Boot needs for nested
	 * jars
	 * @return the jar
	 */
	static Path write(Path jar, Map<String, byte[]> files, Manifest manifest, boolean stored) {
		TreeSet<String> directories = new TreeSet<>();
		for (String name : files.keySet()) {
			for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
				directories.add(name.substring(0, slash + 1));
			}
		}
		directories.remove("META-INF/");
		try (OutputStream output = Files.newOutputStream(jar);
				JarOutputStream jarOutput = (manifest != null) ? new JarOutputStream(output, manifest)
						: new JarOutputStream(output)) {
			for (String directory : directories) {
				putEntry(jarOutput, directory, new byte[0], stored);
			}
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				putEntry(jarOutput, file.getKey(), file.getValue(), stored);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jar;
	}

	private static void putEntry(JarOutputStream output, String name, byte[] content, boolean stored)
			throws IOException {
		JarEntry entry = new JarEntry(name);
		if (stored) {
			CRC32 crc = new CRC32();
			crc.update(content);
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(content.length);
			entry.setCompressedSize(content.length);
			entry.setCrc(crc.getValue());
		}
		output.putNextEntry(entry);
		output.write(content);
		output.closeEntry();
	}

}
