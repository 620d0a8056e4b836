package dev.migrate.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;

/**
 * Writes the revision index of a directory of revision files ({@value RevisionIndex#FILE_NAME}
 * beside them), for a build to run once the revisions are in place, e.g. on
 * {@code target/classes/db/revisions}: every file is parsed and checked as at load time, so a
 * build with a broken revision fails here. With the index, starting an application reads one
 * file instead of parsing all of them; files that differ from it later are parsed as usual.
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
		for (RevisionFile file : RevisionLocationScanner.scan(location, null, Vocabulary.java(), false)) {
			byte[] content = file.content();
			String text = RevisionLoader.decode(file.source(), content);
			Revision revision = RevisionFileParser.parse(file.fileName(), file.source(), text);
			entries.add(new RevisionIndex.Entry(file.path(), content.length, RevisionIndex.crc(content),
					revision.checksum(), revision.downgrade() != null, RevisionFileParser.header(text)));
		}
		Path index = directory.resolve(RevisionIndex.FILE_NAME);
		Path temporary = directory.resolve(RevisionIndex.FILE_NAME + ".tmp");
		Files.writeString(temporary, RevisionIndex.write(entries), StandardCharsets.UTF_8);
		Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return index;
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
