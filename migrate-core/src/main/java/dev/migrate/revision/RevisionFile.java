package dev.migrate.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * One revision file found in a location.
 *
 * @param fileName the file's name without directories
 * @param path the file's path relative to the location, with {@code /} separators
 * @param source the location-relative name for messages, e.g.
 * {@code classpath:db/revisions/1975ea83b712_create_account.sql}
 * @param origin where exactly the file was read from (a file path or a {@code jar:} URL), to
 * tell apart files with the same source in different classpath roots
 * @param content the file's bytes, or {@code null} when the file matches the revision index and
 * was not read
 * @param indexed the file's entry in the revision index when the file matches it (same size and
 * CRC-32), otherwise {@code null}
 * @param reader reads the file again, for a file taken from the index whose statements are
 * needed later; {@code null} when {@code content} is there
 */
record RevisionFile(String fileName, String path, String source, String origin, byte @Nullable [] content,
		RevisionIndex.@Nullable Entry indexed, @Nullable Reader reader) {

	/** A file that was read. */
	RevisionFile(String fileName, String path, String source, String origin, byte[] content) {
		this(fileName, path, source, origin, content, null, null);
	}

	/**
	 * The file's bytes, read now if they were not.
	 * @throws MigrateException with {@link ErrorCode#LOCATION} when the file cannot be read
	 */
	byte[] read() {
		if (this.content != null) {
			return this.content;
		}
		try {
			// no content: taken from the index, which gives a reader
			return Objects.requireNonNull(this.reader).read();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrateException(ErrorCode.LOCATION, "Revision file " + this.source + " cannot be read: "
					+ ex.getMessage(), "Check that the file is readable, or restart the application", ex);
		}
	}

	/** Reads a file's bytes. */
	@FunctionalInterface
	interface Reader {

		byte[] read() throws IOException;

	}

}
