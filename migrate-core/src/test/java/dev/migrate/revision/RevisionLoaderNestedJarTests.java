package dev.migrate.revision;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.loader.launch.JarLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads revisions from a Spring Boot fat jar, run with {@code java -jar}: from
 * {@code BOOT-INF/classes} and from a jar nested in {@code BOOT-INF/lib}, both reached through
 * Spring Boot's {@code jar:nested:} URLs.
 */
class RevisionLoaderNestedJarTests {

	@TempDir
	Path temp;

	@Test
	void loadsFromBootInfClassesAndNestedLibraryJar() throws Exception {
		Map<String, byte[]> fatJar = new LinkedHashMap<>();
		copyEntries(codeSource(JarLauncher.class), "org/springframework/boot/loader/", fatJar);
		fatJar.put("BOOT-INF/classes/dev/migrate/revision/NestedJarProbe.class", classFile(NestedJarProbe.class));
		fatJar.put("BOOT-INF/classes/db/revisions/1975ea83b712_create_account.sql",
				revision("1975ea83b712", "").getBytes(StandardCharsets.UTF_8));
		fatJar.put("BOOT-INF/classes/db/revisions/2026/27c6a30d7c24_add_email.sql",
				revision("27c6a30d7c24", "1975ea83b712").getBytes(StandardCharsets.UTF_8));
		Path revisionsJar = TestJars.write(this.temp.resolve("revisions.jar"),
				Map.of("db/revisions/ae1027a6acf_add_name.sql", revision("ae1027a6acf", "1975ea83b712")));
		fatJar.put("BOOT-INF/lib/revisions.jar", Files.readAllBytes(revisionsJar));
		fatJar.put("BOOT-INF/lib/migrate-core.jar", jarOf(codeSource(RevisionLoader.class)));
		fatJar.put("BOOT-INF/lib/slf4j-api.jar", Files.readAllBytes(codeSource(LoggerFactory.class)));
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JarLauncher.class.getName());
		manifest.getMainAttributes().putValue("Start-Class", NestedJarProbe.class.getName());
		manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
		manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
		Path jar = TestJars.write(this.temp.resolve("app.jar"), fatJar, manifest, true);

		List<String> output = run(jar);

		String nested = "root jar:nested:" + jar.toUri().getRawPath() + "/!";
		assertThat(output).as("Spring Boot's nested jar URLs").filteredOn((line) -> line.startsWith("root "))
			.containsExactly(nested + "BOOT-INF/classes/!/db/revisions", nested + "BOOT-INF/lib/revisions.jar!/db/revisions");
		assertThat(output).filteredOn((line) -> line.startsWith("revision "))
			.containsExactly("revision 1975ea83b712 classpath:db/revisions/1975ea83b712_create_account.sql",
					"revision 27c6a30d7c24 classpath:db/revisions/2026/27c6a30d7c24_add_email.sql",
					"revision ae1027a6acf classpath:db/revisions/ae1027a6acf_add_name.sql");
	}

	private static List<String> run(Path jar) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString()).redirectErrorStream(true).start();
		String output;
		try (InputStream input = process.getInputStream()) {
			output = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().toList();
	}

	private static String revision(String id, String downRevision) {
		return "-- revision: " + id + "\n-- down_revision: " + downRevision + "\n\n-- upgrade\nCREATE TABLE t_" + id
				+ " (id int);\n";
	}

	private static Path codeSource(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static byte[] classFile(Class<?> type) throws IOException {
		try (InputStream input = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			return input.readAllBytes();
		}
	}

	private static void copyEntries(Path jar, String prefix, Map<String, byte[]> target) throws IOException {
		try (JarFile jarFile = new JarFile(jar.toFile())) {
			Enumeration<JarEntry> entries = jarFile.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
					try (InputStream input = jarFile.getInputStream(entry)) {
						target.put(entry.getName(), input.readAllBytes());
					}
				}
			}
		}
	}

	/** The jar itself, or a directory of classes packed as a jar. */
	private byte[] jarOf(Path codeSource) throws IOException {
		if (Files.isRegularFile(codeSource)) {
			return Files.readAllBytes(codeSource);
		}
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(codeSource)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				entries.put(codeSource.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
			}
		}
		return Files.readAllBytes(TestJars.write(this.temp.resolve("classes.jar"), entries, null, false));
	}

}
