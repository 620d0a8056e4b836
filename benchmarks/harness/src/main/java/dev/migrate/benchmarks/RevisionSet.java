package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * N generated revisions, the same statements in the form each tool reads: a chain where
 * revision {@code i} creates table {@code item_i} with a row and records itself in
 * {@code bench_applied} (created by the first revision, without a key, so that a revision applied
 * twice shows as a duplicate row instead of failing).
 *
 * <p>
 * On disk, under the set's directory: {@code migrate/} (migrate's files with their header),
 * {@code flyway/} ({@code V<i>__item_<i>.sql}), {@code liquibase/} (one formatted-SQL changeset per
 * file and {@code changelog.xml} including them in order), {@code plain/} (the bare statements,
 * for the plain JDBC floor), {@code all.sql} (every revision in its own {@code BEGIN}/{@code COMMIT},
 * for psql), and {@code revisions.jar} with the first three under {@code bench/} for the Spring Boot
 * apps, which read them from the classpath as an application does. migrate's directory holds its
 * revision index ({@code migrate.index}) unless the run asks for none.
 */
final class RevisionSet {

	private final int size;

	private final Path directory;

	private RevisionSet(int size, Path directory) {
		this.size = size;
		this.directory = directory;
	}

	/**
	 * Generate the set of {@code size} revisions under {@code parent}, replacing any earlier one.
	 * @param size N
	 * @param parent where the sets are
	 * @param indexWriter writes migrate's revision index into a directory, as an application's
	 * build does, or {@code null} to leave the revisions without index
	 */
	static RevisionSet generate(int size, Path parent, IndexWriter indexWriter)
			throws IOException, InterruptedException {
		Path directory = parent.resolve("revisions-" + size + ((indexWriter != null) ? "-indexed" : ""));
		RevisionSet set = new RevisionSet(size, directory);
		// Written anew each run: an index written by another build of migrate would be ignored
		// (as it should be), and the run would measure migrate without its index.
		if (Files.exists(directory)) {
			try (Stream<Path> files = Files.walk(directory)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		set.write(indexWriter);
		return set;
	}

	/** Writes migrate's revision index of a directory. */
	@FunctionalInterface
	interface IndexWriter {

		void write(Path directory) throws IOException, InterruptedException;

	}

	int size() {
		return this.size;
	}

	Path migrateDirectory() {
		return this.directory.resolve("migrate");
	}

	Path flywayDirectory() {
		return this.directory.resolve("flyway");
	}

	Path liquibaseDirectory() {
		return this.directory.resolve("liquibase");
	}

	Path plainDirectory() {
		return this.directory.resolve("plain");
	}

	Path psqlScript() {
		return this.directory.resolve("all.sql");
	}

	Path jar() {
		return this.directory.resolve("revisions.jar");
	}

	/** The statements of revision {@code i} (1-based). */
	static String statements(int i) {
		String first = (i == 1) ? "CREATE TABLE bench_applied (revision integer NOT NULL);\n" : "";
		return first + "CREATE TABLE item_" + i + " (id bigint PRIMARY KEY, name text NOT NULL);\n"
				+ "INSERT INTO item_" + i + " VALUES (" + i + ", 'item " + i + "');\n"
				+ "INSERT INTO bench_applied VALUES (" + i + ");\n";
	}

	/** migrate's id of revision {@code i}: 12 hex digits, like the ids migrate writes. */
	static String migrateId(int i) {
		return String.format("%012x", 0xbe0000000000L + i);
	}

	private void write(IndexWriter indexWriter) throws IOException, InterruptedException {
		for (Path sub : List.of(migrateDirectory(), flywayDirectory(), liquibaseDirectory(), plainDirectory())) {
			Files.createDirectories(sub);
		}
		StringBuilder psql = new StringBuilder();
		StringBuilder changelog = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
				+ "\t\txmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
				+ "\t\txsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
				+ "http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
		List<String[]> jarEntries = new ArrayList<>();
		for (int i = 1; i <= this.size; i++) {
			String sql = statements(i);
			String id = migrateId(i);
			String parent = (i == 1) ? "" : " " + migrateId(i - 1);
			String migrateName = id + "_item_" + i + ".sql";
			String migrate = "-- revision: " + id + "\n-- down_revision:" + parent + "\n-- message: item " + i
					+ "\n\n-- upgrade\n" + sql + "\n-- downgrade\nDROP TABLE item_" + i + ";\n";
			String flywayName = "V" + i + "__item_" + i + ".sql";
			String liquibaseName = String.format("%06d_item_%d.sql", i, i);
			String liquibase = "--liquibase formatted sql\n\n--changeset bench:" + i + "\n" + sql;
			write(migrateDirectory().resolve(migrateName), migrate);
			write(flywayDirectory().resolve(flywayName), sql);
			write(liquibaseDirectory().resolve(liquibaseName), liquibase);
			write(plainDirectory().resolve(String.format("%06d.sql", i)), sql);
			psql.append("BEGIN;\n").append(sql).append("COMMIT;\n");
			changelog.append("\t<include file=\"").append(liquibaseName).append("\" relativeToChangelogFile=\"true\"/>\n");
			jarEntries.add(new String[] { "bench/migrate/" + migrateName, migrate });
			jarEntries.add(new String[] { "bench/flyway/" + flywayName, sql });
			jarEntries.add(new String[] { "bench/liquibase/" + liquibaseName, liquibase });
		}
		if (indexWriter != null) {
			indexWriter.write(migrateDirectory());
			Path index = migrateDirectory().resolve("migrate.index");
			jarEntries.add(new String[] { "bench/migrate/migrate.index", Files.readString(index, StandardCharsets.UTF_8) });
		}
		changelog.append("</databaseChangeLog>\n");
		write(liquibaseDirectory().resolve("changelog.xml"), changelog.toString());
		jarEntries.add(new String[] { "bench/liquibase/changelog.xml", changelog.toString() });
		write(psqlScript(), psql.toString());
		writeJar(jarEntries);
	}

	private void writeJar(List<String[]> entries) throws IOException {
		Path temporary = this.directory.resolve("revisions.jar.tmp");
		try (OutputStream file = Files.newOutputStream(temporary); JarOutputStream jar = new JarOutputStream(file)) {
			for (String directoryEntry : List.of("bench/", "bench/migrate/", "bench/flyway/", "bench/liquibase/")) {
				jar.putNextEntry(new JarEntry(directoryEntry));
				jar.closeEntry();
			}
			for (String[] entry : entries) {
				jar.putNextEntry(new JarEntry(entry[0]));
				jar.write(entry[1].getBytes(StandardCharsets.UTF_8));
				jar.closeEntry();
			}
		}
		Files.move(temporary, jar());
	}

	private static void write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
