package dev.migrate.revision;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.RevisionInfo;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link RevisionLoader}: locations, directories, jars and Java revisions.
 */
class RevisionLoaderTests {

	private static final String BASIC = "revisions/loader/basic";

	@TempDir
	Path temp;

	@Test
	void loadsClasspathDirectoryRecursivelySortedById() {
		List<Revision> revisions = load("classpath:" + BASIC);
		assertThat(revisions).extracting(Revision::id).containsExactly("1975ea83b712", "27c6a30d7c24", "ae1027a6acf");
		assertThat(revisions).extracting(Revision::source)
			.containsExactly("classpath:revisions/loader/basic/1975ea83b712_create_account.sql",
					"classpath:revisions/loader/basic/sub/27c6a30d7c24_add_email.sql",
					"classpath:revisions/loader/basic/ae1027a6acf_add_name_index.sql");
		Revision index = revisions.get(2);
		assertThat(index.transactional()).isFalse();
		assertThat(index.downRevisions()).containsExactly("1975ea83b712");
		assertThat(((RevisionScript.Sql) index.upgrade()).statements()).extracting(SqlStatement::line)
			.containsExactly(8, 9);
	}

	@Test
	void aLocationWrittenTwiceIsReadOnce() {
		List<Revision> revisions = RevisionLoader.load(List.of(BASIC, "classpath:/" + BASIC + "/"),
				getClass().getClassLoader(), null);
		assertThat(ids(revisions)).containsExactly("1975ea83b712", "27c6a30d7c24", "ae1027a6acf");
	}

	@Test
	void classpathIsTheDefaultPrefixAndSlashesDoNotMatter() {
		List<String> expected = ids(load("classpath:" + BASIC));
		assertThat(ids(load(BASIC))).isEqualTo(expected);
		assertThat(ids(load("classpath:/" + BASIC + "/"))).isEqualTo(expected);
	}

	@Test
	void loadsFromJar() throws IOException {
		Path jar = TestJars.write(this.temp.resolve("revisions.jar"),
				Map.of("db/revisions/1975ea83b712_create_account.sql", revision("1975ea83b712", ""),
						"db/revisions/2024/ae1027a6acf_add_name.sql", revision("ae1027a6acf", "1975ea83b712"),
						"db/revisions/notes.md", "not a revision", "db/other/27c6a30d7c24_elsewhere.sql",
						revision("27c6a30d7c24", "")));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Revision> revisions = RevisionLoader.load(List.of("classpath:db/revisions"), classLoader, List.of());
			assertThat(revisions).extracting(Revision::source)
				.containsExactly("classpath:db/revisions/1975ea83b712_create_account.sql",
						"classpath:db/revisions/2024/ae1027a6acf_add_name.sql");
			assertThat(((RevisionScript.Sql) revisions.get(1).upgrade()).statements())
				.containsExactly(new SqlStatement("CREATE TABLE t_ae1027a6acf (id int)", 5));
		}
	}

	@Test
	void loadsOneLocationFromSeveralClasspathRoots() throws IOException {
		Path jar = TestJars.write(this.temp.resolve("a.jar"),
				Map.of("db/revisions/1975ea83b712_create_account.sql", revision("1975ea83b712", "")));
		Path directory = this.temp.resolve("classes");
		write(directory.resolve("db/revisions/ae1027a6acf_add_name.sql"), revision("ae1027a6acf", "1975ea83b712"));
		try (URLClassLoader classLoader = new URLClassLoader(
				new URL[] { jar.toUri().toURL(), directory.toUri().toURL() }, null)) {
			assertThat(ids(RevisionLoader.load(List.of("db/revisions"), classLoader, null)))
				.containsExactly("1975ea83b712", "ae1027a6acf");
		}
	}

	@Test
	void sameFileInTwoClasspathRootsIsADuplicateNamingBoth() throws IOException {
		Path jar = TestJars.write(this.temp.resolve("a.jar"),
				Map.of("db/revisions/1975ea83b712_create_account.sql", revision("1975ea83b712", "")));
		Path directory = this.temp.resolve("classes");
		write(directory.resolve("db/revisions/1975ea83b712_create_account.sql"), revision("1975ea83b712", ""));
		try (URLClassLoader classLoader = new URLClassLoader(
				new URL[] { jar.toUri().toURL(), directory.toUri().toURL() }, null)) {
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> RevisionLoader.load(List.of("db/revisions"), classLoader, null))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE_REVISION))
				.withMessageContaining("Revision id '1975ea83b712' is defined by "
						+ "classpath:db/revisions/1975ea83b712_create_account.sql twice (jar:file:")
				.withMessageContaining("a.jar!/db/revisions/1975ea83b712_create_account.sql and ")
				.withMessageContaining(directory.resolve("db/revisions/1975ea83b712_create_account.sql").toString());
		}
	}

	@Test
	void loadsRelativeFilesystemLocation() {
		// Maven runs tests in the module directory.
		List<Revision> revisions = load("filesystem:src/test/resources/" + BASIC);
		assertThat(ids(revisions)).containsExactly("1975ea83b712", "27c6a30d7c24", "ae1027a6acf");
		assertThat(revisions.get(1).source())
			.isEqualTo("filesystem:src/test/resources/revisions/loader/basic/sub/27c6a30d7c24_add_email.sql");
	}

	@Test
	void loadsAbsoluteFilesystemLocationAndSkipsHiddenFiles() {
		write(this.temp.resolve("1975ea83b712_create_account.sql"), revision("1975ea83b712", ""));
		write(this.temp.resolve(".#1975ea83b712_create_account.sql"), "editor lock file");
		write(this.temp.resolve("1975ea83b712_create_account.sql~"), "editor backup");
		List<Revision> revisions = load("filesystem:" + this.temp + "/");
		assertThat(revisions).extracting(Revision::source)
			.containsExactly("filesystem:" + this.temp + "/1975ea83b712_create_account.sql");
	}

	@Test
	void emptyLocationHasNoRevisions() {
		assertThat(load("filesystem:" + this.temp)).isEmpty();
		assertThat(RevisionLoader.load(List.of(), null, null)).isEmpty();
	}

	@Test
	void missingClasspathLocationNamesTheLocationsSettingInTheCallersWords() {
		String jar = " to where the revisions are (in a jar, the directory needs its own entry, which Maven, Gradle "
				+ "and Spring Boot jars have)";
		assertThat(missing("classpath:db/nothing", Vocabulary.java())).isEqualTo(
				"Create the directory src/main/resources/db/nothing, or set MigrateSettings.Builder.locations(...)" + jar);
		assertThat(missing("classpath:db/nothing", TestVocabulary.INSTANCE))
			.isEqualTo("Create the directory src/main/resources/db/nothing, or set <locations>" + jar);
		assertThat(missing("classpath:db/nothing",
				TestVocabulary.withOrigins(Map.of(Setting.LOCATIONS, "This run used classpath:db/nothing"))))
			.isEqualTo("Create the directory src/main/resources/db/nothing, or set <locations>" + jar
					+ ". This run used classpath:db/nothing");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load("classpath:db/nothing"))
			.satisfies((ex) -> assertThat(ex.action()).startsWith("Create the directory src/main/resources/db/nothing, "
					+ "or set MigrateSettings.Builder.locations(...)"));
	}

	@Test
	void missingFilesystemLocationNamesTheLocationsSettingInTheCallersWords() {
		Path missing = this.temp.resolve("missing");
		String relative = " to where the revisions are (relative paths start from the working directory "
				+ Path.of("").toAbsolutePath() + ")";
		assertThat(missing("filesystem:" + missing, Vocabulary.java())).isEqualTo(
				"Create the directory " + missing + ", or set MigrateSettings.Builder.locations(...)" + relative);
		assertThat(missing("filesystem:" + missing, TestVocabulary.INSTANCE))
			.isEqualTo("Create the directory " + missing + ", or set <locations>" + relative);
	}

	/** The action of the failure to load a missing location, after checking the description. */
	private static String missing(String location, Vocabulary vocabulary) {
		MigrateException ex = catchThrowableOfType(MigrateException.class,
				() -> RevisionLoader.load(List.of(location), null, null, vocabulary));
		assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION);
		assertThat(ex.description()).isEqualTo("Revision location '" + location + "' does not exist");
		return ex.action();
	}

	@Test
	void filesystemLocationThatIsAFile() {
		Path file = write(this.temp.resolve("1975ea83b712.sql"), revision("1975ea83b712", ""));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load("filesystem:" + file))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION))
			.withMessageContaining("is not a directory");
	}

	@Test
	void classpathLocationThatIsAFile() throws IOException {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> load("classpath:" + BASIC + "/1975ea83b712_create_account.sql"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION))
			.withMessageStartingWith("Revision location 'classpath:" + BASIC
					+ "/1975ea83b712_create_account.sql' is not a directory");
		Path jar = TestJars.write(this.temp.resolve("a.jar"),
				Map.of("db/revisions/1975ea83b712_create_account.sql", revision("1975ea83b712", "")));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> RevisionLoader.load(List.of("db/revisions/1975ea83b712_create_account.sql"),
						classLoader, null))
				.withMessageStartingWith("Revision location 'classpath:db/revisions/1975ea83b712_create_account.sql' "
						+ "is not a directory");
		}
	}

	@Test
	void locationWithUnknownPrefix() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load("file:db/revisions"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION))
			.withMessageStartingWith("Revision location 'file:db/revisions' has the unknown prefix 'file:'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load("classpath:/"))
			.withMessageStartingWith("Revision location 'classpath:/' names the classpath root");
	}

	@Test
	void formatErrorNamesTheFileInItsLocationAndTheLine() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load("classpath:revisions/loader/broken"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
				assertThat(ex.description()).isEqualTo("classpath:revisions/loader/broken/1975ea83b712_create_account.sql "
						+ "line 2: unknown header key 'down_revison'; did you mean 'down_revision'?");
			});
	}

	@Test
	void invalidUtf8NamesTheLine() throws IOException {
		Path file = this.temp.resolve("1975ea83b712.sql");
		Files.write(file, new byte[] { '-', '-', ' ', 'm', '\n', 'x', (byte) 0xC3, '(', '\n' });
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load("filesystem:" + this.temp))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
				assertThat(ex.description())
					.isEqualTo("filesystem:" + this.temp + "/1975ea83b712.sql line 2: the file is not valid UTF-8 (byte 6)");
			});
	}

	@Test
	void duplicateIdAcrossLocations() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> load("classpath:" + BASIC, "classpath:revisions/loader/copy"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE_REVISION);
				assertThat(ex.description()).isEqualTo("Revision id '1975ea83b712' is defined by "
						+ "classpath:revisions/loader/basic/1975ea83b712_create_account.sql and "
						+ "classpath:revisions/loader/copy/1975ea83b712_create_account_again.sql");
			});
	}

	@Test
	void sameLocationListedTwiceIsLoadedOnce() {
		assertThat(load("classpath:" + BASIC, BASIC + "/")).hasSize(3);
	}

	@Test
	void duplicateIdAcrossSqlAndJava() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of("classpath:" + BASIC), getClass().getClassLoader(),
					List.of(new SameIdAsSql())))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE_REVISION);
				assertThat(ex.description()).isEqualTo("Revision id '1975ea83b712' is defined by "
						+ "classpath:revisions/loader/basic/1975ea83b712_create_account.sql and java:"
						+ SameIdAsSql.class.getName());
			});
	}

	@Test
	void javaRevisionWithDowngrade() {
		Backfill backfill = new Backfill();
		List<Revision> revisions = RevisionLoader.load(List.of("classpath:" + BASIC), getClass().getClassLoader(),
				List.of(backfill));
		Revision revision = revisions.get(3);
		assertThat(revision.id()).isEqualTo("b5c0ffee");
		assertThat(revision.downRevisions()).containsExactly("ae1027a6acf", "27c6a30d7c24");
		assertThat(revision.message()).isEqualTo("backfill account names");
		assertThat(revision.transactional()).isFalse();
		assertThat(revision.source()).isEqualTo("java:" + Backfill.class.getName());
		assertThat(revision.checksum()).isNull();
		assertThat(revision.createDate()).isNull();
		assertThat(revision.upgrade()).isEqualTo(new RevisionScript.Java(backfill, true));
		assertThat(revision.downgrade()).isEqualTo(new RevisionScript.Java(backfill, false));
	}

	@Test
	void javaRevisionWithoutDowngradeIsIrreversible() {
		Revision revision = JavaRevisions.toRevision(new SameIdAsSql());
		assertThat(revision.isReversible()).isFalse();
		assertThat(revision.downRevisions()).isEmpty();
		assertThat(revision.message()).isEmpty();
		assertThat(revision.transactional()).isTrue();
	}

	@Test
	void javaRevisionInheritsDowngradeFromAnnotatedSuperclass() {
		// As a subclass proxy of a revision bean would.
		Revision revision = JavaRevisions.toRevision(new Backfill() {
		});
		assertThat(revision.id()).isEqualTo("b5c0ffee");
		assertThat(revision.source()).isEqualTo("java:" + Backfill.class.getName());
		assertThat(revision.isReversible()).isTrue();
	}

	@Test
	void javaRevisionWithoutAnnotation() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> JavaRevisions.toRevision(new NotAnnotated()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
				assertThat(ex.description()).isEqualTo(
						"java:" + NotAnnotated.class.getName() + ": Java revision has no @RevisionInfo annotation");
				assertThat(ex.action()).startsWith("Annotate the class, e.g. @RevisionInfo(id = \"");
			});
	}

	@Test
	void javaRevisionWithInvalidIds() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> JavaRevisions.toRevision(new BadId()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT))
			.withMessageStartingWith("java:" + BadId.class.getName() + ": @RevisionInfo id 'a+1' contains '+'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> JavaRevisions.toRevision(new BadDownRevision()))
			.withMessageStartingWith("java:" + BadDownRevision.class.getName()
					+ ": @RevisionInfo downRevision 'ae1027a6acf 27c6a30d7c24' contains whitespace");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> JavaRevisions.toRevision(new TwiceDown()))
			.withMessageStartingWith("java:" + TwiceDown.class.getName() + ": @RevisionInfo downRevision lists 'a1' twice");
	}

	private List<Revision> load(String... locations) {
		return RevisionLoader.load(List.of(locations), getClass().getClassLoader(), List.of());
	}

	private static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

	private static String revision(String id, String downRevision) {
		return "-- revision: " + id + "\n-- down_revision: " + downRevision + "\n\n-- upgrade\nCREATE TABLE t_" + id
				+ " (id int);\n\n-- downgrade\nDROP TABLE t_" + id + ";\n";
	}

	private static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@RevisionInfo(id = "b5c0ffee", downRevision = { "ae1027a6acf", "27c6a30d7c24" },
			message = "backfill account names", transactional = false)
	static class Backfill implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

	@RevisionInfo(id = "1975ea83b712")
	static class SameIdAsSql implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	static class NotAnnotated implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	@RevisionInfo(id = "a+1")
	static class BadId extends NotAnnotated {

	}

	@RevisionInfo(id = "a2", downRevision = "ae1027a6acf 27c6a30d7c24")
	static class BadDownRevision extends NotAnnotated {

	}

	@RevisionInfo(id = "a2", downRevision = { "a1", "a1" })
	static class TwiceDown extends NotAnnotated {

	}

}
