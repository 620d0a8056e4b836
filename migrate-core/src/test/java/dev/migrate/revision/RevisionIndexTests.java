package dev.migrate.revision;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.RevisionInfo;
import dev.migrate.Vocabulary;
import dev.migrate.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the revision index ({@link RevisionIndexWriter}, {@link RevisionIndex}): revisions
 * taken from it equal the parsed ones, and every file that differs from it is parsed and checked
 * again, so a stale index never hides an edit.
 */
class RevisionIndexTests {

	private static final String BASE = "1975ea83b712";

	private static final String CHILD = "ae1027a6acf";

	@TempDir
	Path temp;

	@Test
	void revisionsFromTheIndexEqualParsedOnes() throws IOException {
		Path directory = revisions();
		List<Revision> parsed = load(directory);
		RevisionIndexWriter.write(directory);
		List<Revision> indexed = load(directory);
		assertThat(indexed).isEqualTo(parsed);
		assertThat(indexed.get(1).message()).isEqualTo("add name\twith a tab");
		assertThat(indexed.get(1).createDate()).isEqualTo("2026-11-20 10:00:00");
		assertThat(indexed.get(1).transactional()).isFalse();
		assertThat(indexed.get(1).branchLabels()).containsExactly("names", "search");
		assertThat(indexed.get(1).dependsOn()).containsExactly("27c6a30d7c24");
		assertThat(indexed.get(0).downgrade()).isNotNull();
		assertThat(indexed.get(1).downgrade()).isNull();
	}

	@Test
	void indexedFilesAreNotParsedUntilTheirStatementsAreNeeded() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Path file = directory.resolve(BASE + "_create_account.sql");
		byte[] original = Files.readAllBytes(file);
		List<Revision> indexed = load(directory);
		Files.writeString(file, revision(BASE, "", "CREATE TABLE account (id bigint)"));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> sql(indexed.get(0)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT))
			.withMessageContaining(BASE + "_create_account.sql changed after the revisions were loaded");
		Files.write(file, original);
		List<Revision> again = load(directory);
		assertThat(sql(again.get(0))).containsExactly(new SqlStatement("CREATE TABLE account (id int)", 5));
	}

	@Test
	void anEditedFileIsParsedAgainWithItsNewChecksum() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		String before = load(directory).get(0).checksum();
		Files.writeString(directory.resolve(BASE + "_create_account.sql"),
				revision(BASE, "", "CREATE TABLE account (id bigint)"));
		Revision edited = load(directory).get(0);
		assertThat(edited.checksum()).isNotEqualTo(before);
		assertThat(sql(edited)).containsExactly(new SqlStatement("CREATE TABLE account (id bigint)", 5));
	}

	@Test
	void anEditedHeaderIsReadFromTheFile() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Files.writeString(directory.resolve(CHILD + "_add_name.sql"),
				"-- revision: " + CHILD + "\n-- down_revision:\n-- transactional: false\n\n-- upgrade\n"
						+ "CREATE INDEX CONCURRENTLY name_index ON account (id)\n");
		Revision edited = load(directory).get(1);
		assertThat(edited.downRevisions()).isEmpty();
		assertThat(edited.message()).isEmpty();
	}

	@Test
	void anEditedFileThatBreaksTheFormatFailsAsWithoutIndex() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Files.writeString(directory.resolve(BASE + "_create_account.sql"),
				"-- revision: " + BASE + "\n-- down_revision:\n\n-- upgrade\nCREATE INDEX CONCURRENTLY i ON account (id);\n");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> load(directory))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NON_TRANSACTIONAL_STATEMENT));
	}

	@Test
	void filesAddedOrRemovedAfterTheIndexAreSeen() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Files.delete(directory.resolve(CHILD + "_add_name.sql"));
		Files.writeString(directory.resolve("27c6a30d7c24_add_email.sql"),
				revision("27c6a30d7c24", BASE, "ALTER TABLE account ADD email text"));
		assertThat(load(directory)).extracting(Revision::id).containsExactly(BASE, "27c6a30d7c24");
	}

	@Test
	void anIndexWrittenByAnotherMigrateIsIgnored() throws IOException {
		Path directory = revisions();
		Path index = RevisionIndexWriter.write(directory);
		String lie = Files.readString(index).replace("down_revision: " + BASE, "down_revision:");
		Files.writeString(index, lie);
		assertThat(load(directory).get(1).downRevisions()).as("the index is trusted for unchanged files").isEmpty();
		String otherRules = lie.replaceFirst("(# migrate revision index [0-9]+ )[0-9a-f]+", "$1abc");
		assertThat(otherRules).isNotEqualTo(lie);
		Files.writeString(index, otherRules);
		assertThat(load(directory).get(1).downRevisions()).containsExactly(BASE);
	}

	@Test
	void anIndexVouchesForTheGraphOfExactlyItsFiles() throws IOException {
		Path directory = chain();
		RevisionIndexWriter.write(directory);
		LoadedRevisions loaded = loadAll(directory, List.of());
		assertThat(loaded.indexedHeads()).containsExactly("b2", "c3");
		Map<String, String> checksums = new LinkedHashMap<>();
		for (Revision revision : load(directory)) {
			checksums.put(revision.id(), revision.checksum());
		}
		assertThat(loaded.indexedDigest()).isEqualTo(LoadedRevisions.digestOf(checksums));
		assertThat(loaded.revisions()).isEqualTo(load(directory));
	}

	@Test
	void anIndexVouchesForNothingOnceTheFilesDiffer() throws IOException {
		Path directory = chain();
		RevisionIndexWriter.write(directory);
		Files.writeString(directory.resolve("d4_more.sql"), revision("d4", "c3", "CREATE TABLE more (id int)"));
		assertThat(loadAll(directory, List.of()).indexedHeads()).isNull();
		Files.delete(directory.resolve("d4_more.sql"));
		Files.delete(directory.resolve("c3_c.sql"));
		assertThat(loadAll(directory, List.of()).indexedHeads()).isNull();
		Files.writeString(directory.resolve("c3_c.sql"), revision("c3", "a1", "CREATE TABLE c (id bigint)"));
		LoadedRevisions edited = loadAll(directory, List.of());
		assertThat(edited.indexedHeads()).isNull();
		assertThat(edited.revisions()).extracting(Revision::id).containsExactly("a1", "b2", "c3");
	}

	@Test
	void anIndexVouchesForNothingBesideJavaRevisionsOrAnotherLocation() throws IOException {
		Path directory = chain();
		RevisionIndexWriter.write(directory);
		JavaRevision java = new J5();

		assertThat(loadAll(directory, List.of(java)).indexedHeads()).isNull();
		Path other = Files.createDirectories(this.temp.resolve("other"));
		Files.writeString(other.resolve("e6_e.sql"), revision("e6", "c3", "CREATE TABLE e (id int)"));
		RevisionIndexWriter.write(other);
		LoadedRevisions both = RevisionLoader.loadAll(List.of("filesystem:" + directory, "filesystem:" + other), null,
				List.of(), Vocabulary.java());
		assertThat(both.indexedHeads()).isNull();
		assertThat(both.revisions()).extracting(Revision::id).containsExactly("a1", "b2", "c3", "e6");
	}

	@Test
	void anIndexOfFilesThatAreNoGraphAloneVouchesForNothing() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		assertThat(Files.readString(directory.resolve(RevisionIndex.FILE_NAME))).doesNotContain("# summary");
		LoadedRevisions loaded = loadAll(directory, List.of());
		assertThat(loaded.indexedHeads()).isNull();
		assertThat(loaded.revisions()).isEqualTo(load(directory));
	}

	@Test
	void aMalformedIndexIsIgnored() throws IOException {
		Path directory = revisions();
		Path index = RevisionIndexWriter.write(directory);
		Files.writeString(index, Files.readString(index) + "garbage line\n");
		assertThat(load(directory)).extracting(Revision::id).containsExactly(BASE, CHILD);
	}

	@Test
	void theIndexOfAJarIsCheckedAgainstTheEntriesCrc() throws IOException {
		Path directory = revisions();
		RevisionIndexWriter.write(directory);
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (var listed = Files.list(directory)) {
			for (Path file : listed.sorted().toList()) {
				files.put("db/revisions/" + file.getFileName(), Files.readAllBytes(file));
			}
		}
		Map<String, byte[]> withoutIndex = new LinkedHashMap<>(files);
		withoutIndex.remove("db/revisions/" + RevisionIndex.FILE_NAME);
		List<Revision> parsed = loadJar(TestJars.write(this.temp.resolve("parsed.jar"), withoutIndex, null, false));
		assertThat(loadJar(TestJars.write(this.temp.resolve("same.jar"), files, null, false))).isEqualTo(parsed);
		files.put("db/revisions/" + BASE + "_create_account.sql",
				revision(BASE, "", "CREATE TABLE account (id bigint)").getBytes(StandardCharsets.UTF_8));
		Revision edited = loadJar(TestJars.write(this.temp.resolve("edited.jar"), files, null, true)).get(0);
		assertThat(edited.checksum()).isNotEqualTo(parsed.get(0).checksum());
		assertThat(sql(edited)).containsExactly(new SqlStatement("CREATE TABLE account (id bigint)", 5));
	}

	@Test
	void theWriterRefusesABrokenRevision() throws IOException {
		Path directory = revisions();
		Files.writeString(directory.resolve("27c6a30d7c24_broken.sql"), "-- revision: 27c6a30d7c24\n\nSELECT 1;\n");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> RevisionIndexWriter.write(directory))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FORMAT));
		assertThat(directory.resolve(RevisionIndex.FILE_NAME)).doesNotExist();
	}

	private Path revisions() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("revisions"));
		Files.writeString(directory.resolve(BASE + "_create_account.sql"),
				revision(BASE, "", "CREATE TABLE account (id int)"));
		Files.writeString(directory.resolve(CHILD + "_add_name.sql"),
				"\uFEFF-- revision: " + CHILD + "\r\n-- down_revision: " + BASE + "\r\n-- message: add name\twith a tab\r\n"
						+ "-- create_date: 2026-11-20 10:00:00\r\n-- transactional: false\r\n-- branch_labels: names, search\r\n"
						+ "-- depends_on: 27c6a30d7c24\r\n\r\n-- upgrade\r\n"
						+ "CREATE INDEX CONCURRENTLY name_index ON account (id)\r\n");
		return directory;
	}

	private static String revision(String id, String downRevision, String statement) {
		return "-- revision: " + id + "\n-- down_revision: " + downRevision + "\n\n-- upgrade\n" + statement
				+ ";\n\n-- downgrade\nDROP TABLE account;\n";
	}

	/** A valid graph: a1, then b2 and c3 on it. */
	private Path chain() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("chain"));
		Files.writeString(directory.resolve("a1_a.sql"), revision("a1", "", "CREATE TABLE a (id int)"));
		Files.writeString(directory.resolve("b2_b.sql"), revision("b2", "a1", "CREATE TABLE b (id int)"));
		Files.writeString(directory.resolve("c3_c.sql"), revision("c3", "a1", "CREATE TABLE c (id int)"));
		return directory;
	}

	private static LoadedRevisions loadAll(Path directory, List<JavaRevision> javaRevisions) {
		return RevisionLoader.loadAll(List.of("filesystem:" + directory), null, javaRevisions, Vocabulary.java());
	}

	private static List<Revision> load(Path directory) {
		return RevisionLoader.load(List.of("filesystem:" + directory), null, List.of());
	}

	private static List<Revision> loadJar(Path jar) throws IOException {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Revision> revisions = RevisionLoader.load(List.of("classpath:db/revisions"), classLoader, List.of());
			revisions.forEach(RevisionIndexTests::sql);
			return revisions;
		}
	}

	private static List<SqlStatement> sql(Revision revision) {
		return ((RevisionScript.Sql) revision.upgrade()).statements();
	}

	@Test
	void theIndexFingerprintCoversEveryClassOfTheSqlPackageThatLoadingUses() throws IOException {
		// A load-time rule added to the sql package must change the fingerprint, or an index written
		// by an older migrate would let files skip the new check. Classes that loading does not use:
		List<String> notLoading = List.of("package-info", "SqlStatement", "PsqlMetaCommands");
		try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/migrate/sql"))) {
			List<String> missing = sources.map((source) -> source.getFileName().toString().replace(".java", ""))
				.filter((name) -> !notLoading.contains(name))
				.filter((name) -> !RevisionIndex.RULE_CLASSES.contains("dev/migrate/sql/" + name + ".class"))
				.toList();
			assertThat(missing).as("sql classes missing from RevisionIndex.RULE_CLASSES").isEmpty();
		}
	}

	@RevisionInfo(id = "j5", downRevision = "b2")
	static class J5 implements JavaRevision {

		@Override
		public void upgrade(java.sql.Connection connection) {
		}

	}

}
