package dev.migrate.revision;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for classpath locations whose URLs cannot be listed, as a native image's
 * {@code resource:} URLs: their files are read through the revision index. The class loader
 * here serves a directory through URLs of its own protocol, as GraalVM does.
 */
class UnlistableLocationTests {

	private static final String BASE = "1975ea83b712";

	private static final String CHILD = "ae1027a6acf";

	private static final String YEARLY = "27c6a30d7c24";

	@TempDir
	Path temp;

	@Test
	void revisionsAreReadThroughTheIndex() throws IOException {
		Path directory = revisions();
		List<Revision> parsed;
		try (URLClassLoader listable = new URLClassLoader(new URL[] { this.temp.toUri().toURL() }, null)) {
			parsed = load(listable);
		}
		RevisionIndexWriter.write(directory);
		List<Revision> indexed = load(new ResourceClassLoader(this.temp, true));
		assertThat(indexed).isEqualTo(parsed);
		assertThat(indexed).extracting(Revision::source)
			.containsExactly("classpath:db/revisions/" + BASE + "_create_account.sql",
					"classpath:db/revisions/2026/" + YEARLY + "_add_email.sql",
					"classpath:db/revisions/" + CHILD + "_add_name.sql");
		assertThat(sql(indexed.get(1))).containsExactly(new SqlStatement("ALTER TABLE account ADD email text", 5));
	}

	@Test
	void unchangedFilesAreTakenFromTheIndexAndEditedOnesAreParsed() throws IOException {
		Path directory = revisions();
		Path index = RevisionIndexWriter.write(directory);
		Files.writeString(index, Files.readString(index).replace("down_revision: " + BASE, "down_revision:"));
		Files.writeString(directory.resolve(BASE + "_create_account.sql"),
				revision(BASE, "", "CREATE TABLE account (id bigint)"));
		List<Revision> revisions = load(new ResourceClassLoader(this.temp, true));
		assertThat(revisions.get(2).downRevisions()).as("an unchanged file is taken from the index").isEmpty();
		assertThat(revisions.get(1).downRevisions()).as("an unchanged file is taken from the index").isEmpty();
		assertThat(sql(revisions.get(0))).as("an edited file is parsed")
			.containsExactly(new SqlStatement("CREATE TABLE account (id bigint)", 5));
	}

	@Test
	void filesTheIndexDoesNotListAreNotSeen() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Files.writeString(directory.resolve("53fffde5ad5_later.sql"), revision("53fffde5ad5", CHILD, "SELECT 1"));
		assertThat(load(new ResourceClassLoader(this.temp, true))).extracting(Revision::id)
			.containsExactly(BASE, YEARLY, CHILD);
	}

	@Test
	void aListedFileThatIsMissingFails() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Files.delete(directory.resolve(CHILD + "_add_name.sql"));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load(new ResourceClassLoader(this.temp, true)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION))
			.satisfies((ex) -> assertThat(ex.action()).contains("The index is stale: write it again at build time")
				.contains("RevisionIndexWriter"))
			.withMessageStartingWith("Revision file classpath:db/revisions/" + CHILD
					+ "_add_name.sql is listed in the revision index resource:/db/revisions/migrate.index but is "
					+ "missing");
	}

	@Test
	void aLocationWithoutIndexFailsSayingHowToWriteIt() throws IOException {
		revisions();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load(new ResourceClassLoader(this.temp, true)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION))
			.satisfies((ex) -> assertThat(ex.action()).startsWith(
					"Write the revision index at build time: run dev.migrate.revision.RevisionIndexWriter on "
							+ "<build output>/db/revisions")
				.contains("Or set MigrateSettings.Builder.locations(...) to a filesystem: location"))
			.withMessageStartingWith("Revision location 'classpath:db/revisions' resolves to resource:/db/revisions, "
					+ "which cannot be listed")
			.withMessageContaining("it has no revision index migrate.index");
	}

	@Test
	void aLocationWhoseDirectoryIsNotAResourceIsReadThroughItsIndex() throws IOException {
		Path directory = revisions();
		ResourceClassLoader filesOnly = new ResourceClassLoader(this.temp, false);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load(filesOnly))
			.withMessageStartingWith("Revision location 'classpath:db/revisions' does not exist\n");
		RevisionIndexWriter.write(directory);
		assertThat(load(filesOnly)).extracting(Revision::id).containsExactly(BASE, YEARLY, CHILD);
	}

	@Test
	void anIndexWrittenByAnotherMigrateStillListsTheFilesWhichAreParsed() throws IOException {
		Path directory = revisions();
		Path index = RevisionIndexWriter.write(directory);
		String otherRules = Files.readString(index)
			.replace("down_revision: " + BASE, "down_revision:")
			.replaceFirst("(# migrate revision index [0-9]+ )[0-9a-f]+", "$1abc");
		Files.writeString(index, otherRules);
		List<Revision> revisions = load(new ResourceClassLoader(this.temp, true));
		assertThat(revisions).extracting(Revision::id).containsExactly(BASE, YEARLY, CHILD);
		assertThat(revisions.get(2).downRevisions()).as("the file is parsed").containsExactly(BASE);
	}

	@Test
	void anIndexInAnotherFormatFails() throws IOException {
		Path directory = revisions();
		Path index = RevisionIndexWriter.write(directory);
		Files.writeString(index, Files.readString(index).replaceFirst("# migrate revision index [0-9]+ ", "# index 2 "));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load(new ResourceClassLoader(this.temp, true)))
			.satisfies((ex) -> assertThat(ex.action()).startsWith("Write the revision index again at build time"))
			.withMessageStartingWith("The revision index resource:/db/revisions/migrate.index of location "
					+ "'classpath:db/revisions' cannot be read: it is damaged or was written in another format\n");
	}

	private Path revisions() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("db/revisions"));
		Files.writeString(directory.resolve(BASE + "_create_account.sql"),
				revision(BASE, "", "CREATE TABLE account (id int)"));
		Files.writeString(directory.resolve(CHILD + "_add_name.sql"),
				revision(CHILD, BASE, "ALTER TABLE account ADD name text"));
		Files.writeString(Files.createDirectories(directory.resolve("2026")).resolve(YEARLY + "_add_email.sql"),
				revision(YEARLY, BASE, "ALTER TABLE account ADD email text"));
		return directory;
	}

	private static String revision(String id, String downRevision, String statement) {
		return "-- revision: " + id + "\n-- down_revision: " + downRevision + "\n\n-- upgrade\n" + statement
				+ ";\n\n-- downgrade\nSELECT 1;\n";
	}

	private static List<Revision> load(ClassLoader classLoader) {
		List<Revision> revisions = RevisionLoader.load(List.of("classpath:db/revisions"), classLoader, List.of());
		revisions.forEach(UnlistableLocationTests::sql);
		return revisions;
	}

	private static List<SqlStatement> sql(Revision revision) {
		return ((RevisionScript.Sql) revision.upgrade()).statements();
	}

	/**
	 * Serves the files under a directory as resources with {@code resource:} URLs that only
	 * its own handler opens, and nothing else (no parent).
	 */
	private static final class ResourceClassLoader extends ClassLoader {

		private final Path directory;

		private final boolean directories;

		private final URLStreamHandler handler;

		/**
		 * @param directory the directory served
		 * @param directories whether directories are resources too, or only files
		 */
		ResourceClassLoader(Path directory, boolean directories) {
			super(null);
			this.directory = directory;
			this.directories = directories;
			this.handler = new URLStreamHandler() {

				@Override
				protected URLConnection openConnection(URL url) {
					return new URLConnection(url) {

						@Override
						public void connect() {
						}

						@Override
						public InputStream getInputStream() throws IOException {
							Path file = file(url.getPath());
							if (!Files.isRegularFile(file)) {
								throw new FileNotFoundException(url.toString());
							}
							return Files.newInputStream(file);
						}

					};
				}

			};
		}

		private Path file(String name) {
			return this.directory.resolve(name.startsWith("/") ? name.substring(1) : name);
		}

		@Override
		public URL getResource(String name) {
			Path file = file(name);
			if (Files.isRegularFile(file) || (this.directories && Files.isDirectory(file))) {
				try {
					return new URL(null, "resource:/" + name, this.handler);
				}
				catch (MalformedURLException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return null;
		}

		@Override
		public Enumeration<URL> getResources(String name) {
			List<URL> urls = new ArrayList<>();
			URL url = getResource(name);
			if (url != null) {
				urls.add(url);
			}
			return Collections.enumeration(urls);
		}

	}

}
