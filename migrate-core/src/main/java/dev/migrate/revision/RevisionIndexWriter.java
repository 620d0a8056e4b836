package dev.migrate.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.graph.RevisionGraph;

/**
 * Writes the revision index of a directory of revision files ({@value RevisionIndex#FILE_NAME}
 * beside them), for a build to run once the revisions are in place, e.g. on
 * {@code target/classes/db/revisions}: every file is parsed and checked as at load time, so a
 * build with a broken revision fails here. With the index, starting an application reads one
 * file instead of parsing all of them; files that differ from it later are parsed as usual. When
 * the files form a valid graph on their own, the index also records its heads and a digest of
 * the checksums, so that a database found at those heads with those checksums is known to be up
 * to date without building the graph.
 *
 * <p>
 * From the command line: {@code java -cp migrate-core.jar:slf4j-api.jar
 * dev.migrate.revision.RevisionIndexWriter <directory>...}.
 */
public final class RevisionIndexWriter {

	private RevisionIndexWriter() {
	}

	/**
	 * Write the index of a directory of revision files, replacing any index there.
	 * @param directory the directory (its subdirectories are included, as a location's are)
	 * @return the index file
	 * @throws MigrateException when a file breaks the format or the directory does not exist
	 * @throws IOException when the index cannot be written
	 */
	public static Path write(Path directory) throws IOException {
		RevisionLocation location = RevisionLocation.of("filesystem:" + directory);
		List<RevisionIndex.Entry> entries = new ArrayList<>();
		List<Revision> revisions = new ArrayList<>();
		for (RevisionFile file : RevisionLocationScanner.scan(location, RevisionIndexWriter.class.getClassLoader(),
				Vocabulary.java(), false)) {
			byte[] content = file.read();
			String text = RevisionLoader.decode(file.source(), content);
			Revision revision = RevisionFileParser.parse(file.fileName(), file.source(), text);
			entries.add(new RevisionIndex.Entry(file.path(), content.length, RevisionIndex.crc(content),
					Objects.requireNonNull(revision.checksum(), "a SQL revision has a checksum"),
					revision.downgrade() != null, RevisionFileParser.header(text)));
			revisions.add(revision);
		}
		Path index = directory.resolve(RevisionIndex.FILE_NAME);
		Path temporary = directory.resolve(RevisionIndex.FILE_NAME + ".tmp");
		Files.writeString(temporary, RevisionIndex.write(entries, summaryOf(revisions)), StandardCharsets.UTF_8);
		Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return index;
	}

	/**
	 * The summary of the graph the revisions form on their own, or {@code null} when they do not
	 * form a valid graph alone (they may with another location's; the graph is then built and
	 * checked at every start, which reports what is wrong).
	 */
	private static RevisionIndex.@Nullable Summary summaryOf(List<Revision> revisions) {
		List<String> heads;
		try {
			heads = RevisionGraph.of(revisions).heads();
		}
		catch (MigrateException ex) {
			return null;
		}
		Map<String, String> checksums = new HashMap<>();
		for (Revision revision : revisions) {
			checksums.put(revision.id(), revision.checksum());
		}
		return new RevisionIndex.Summary(heads, LoadedRevisions.digestOf(checksums));
	}

	/**
	 * Write the index of each directory given.
	 * @param args the directories
	 */
	public static void main(String[] args) {
		if (args.length == 0) {
			System.err.println("Usage: RevisionIndexWriter <directory of revision files>...");
			System.exit(2);
		}
		try {
			for (String directory : args) {
				System.out.println("Wrote " + write(Path.of(directory)));
			}
		}
		catch (MigrateException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
		catch (IOException ex) {
			System.err.println("Cannot write the revision index: " + ex.getMessage());
			System.exit(1);
		}
	}

}
