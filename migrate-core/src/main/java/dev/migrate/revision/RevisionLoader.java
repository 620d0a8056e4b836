package dev.migrate.revision;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;

/**
 * Loads all revisions of an application: the SQL revision files of its locations and its
 * {@link JavaRevision Java revisions}.
 */
public final class RevisionLoader {

	private RevisionLoader() {
	}

	/**
	 * Load and check every revision.
	 * @param locations the locations ({@code classpath:<path>}, {@code filesystem:<path>}, or a
	 * path without prefix for the classpath)
	 * @param classLoader the class loader for {@code classpath:} locations, or {@code null} for
	 * the one that loaded migrate
	 * @param javaRevisions the Java revisions, or {@code null} for none
	 * @return the revisions sorted by id
	 * @throws MigrateException when a location is missing or unreadable
	 * ({@link ErrorCode#LOCATION}), a file breaks the format ({@link ErrorCode#REVISION_FORMAT},
	 * {@link ErrorCode#SQL_SYNTAX}, {@link ErrorCode#NON_TRANSACTIONAL_STATEMENT}) or two
	 * revisions share an id ({@link ErrorCode#DUPLICATE_REVISION})
	 */
	public static List<Revision> load(List<String> locations, @Nullable ClassLoader classLoader,
			@Nullable List<? extends JavaRevision> javaRevisions) {
		return load(locations, classLoader, javaRevisions, Vocabulary.java());
	}

	/**
	 * Load and check every revision, naming the locations setting in the words of a front end
	 * when a location is missing.
	 * @param locations the locations ({@code classpath:<path>}, {@code filesystem:<path>}, or a
	 * path without prefix for the classpath)
	 * @param classLoader the class loader for {@code classpath:} locations, or {@code null} for
	 * the one that loaded migrate
	 * @param javaRevisions the Java revisions, or {@code null} for none
	 * @param vocabulary how the caller names its settings
	 * @return the revisions sorted by id
	 * @throws MigrateException as {@link #load(List, ClassLoader, List)} does
	 */
	public static List<Revision> load(List<String> locations, @Nullable ClassLoader classLoader,
			@Nullable List<? extends JavaRevision> javaRevisions, Vocabulary vocabulary) {
		return build(scan(locations, classLoader, vocabulary), javaRevisions);
	}

	/**
	 * Find every revision, building them now unless a revision index vouches for all of them:
	 * with one location whose files are exactly those of its index, and no Java revisions, the
	 * revisions are built when first asked for, and the index's summary tells the graph's heads.
	 * @param locations the locations ({@code classpath:<path>}, {@code filesystem:<path>}, or a
	 * path without prefix for the classpath)
	 * @param classLoader the class loader for {@code classpath:} locations, or {@code null} for
	 * the one that loaded migrate
	 * @param javaRevisions the Java revisions, or {@code null} for none
	 * @param vocabulary how the caller names its settings
	 * @return the revisions
	 * @throws MigrateException as {@link #load(List, ClassLoader, List)} does, at once for what
	 * is checked without an index and when the revisions are first asked for otherwise
	 */
	public static LoadedRevisions loadAll(List<String> locations, @Nullable ClassLoader classLoader,
			@Nullable List<? extends JavaRevision> javaRevisions, Vocabulary vocabulary) {
		List<List<RevisionFile>> scanned = scan(locations, classLoader, vocabulary);
		if (scanned.size() == 1 && (javaRevisions == null || javaRevisions.isEmpty())) {
			List<RevisionFile> files = scanned.get(0);
			RevisionIndex.Entry first = files.isEmpty() ? null : files.get(0).indexed();
			// an entry of a scanned file was read from an index
			RevisionIndex.Summary summary = (first != null) ? Objects.requireNonNull(first.index()).summaryOf(files)
					: null;
			if (summary != null) {
				return LoadedRevisions.indexed(summary, () -> build(scanned, null));
			}
		}
		return LoadedRevisions.of(build(scanned, javaRevisions));
	}

	private static List<List<RevisionFile>> scan(List<String> locations, @Nullable ClassLoader classLoader,
			Vocabulary vocabulary) {
		ClassLoader loader = (classLoader != null) ? classLoader : RevisionLoader.class.getClassLoader();
		// one location written twice is scanned once; keyed by its text because a record's own
		// hashCode is linked through ObjectMethods on first use (about 10 ms in a fresh JVM)
		Map<String, RevisionLocation> parsedLocations = new LinkedHashMap<>();
		for (String location : locations) {
			RevisionLocation parsed = RevisionLocation.of(location);
			parsedLocations.putIfAbsent(parsed.toString(), parsed);
		}
		List<List<RevisionFile>> scanned = new ArrayList<>(parsedLocations.size());
		for (RevisionLocation location : parsedLocations.values()) {
			scanned.add(RevisionLocationScanner.scan(location, loader, vocabulary));
		}
		return scanned;
	}

	private static List<Revision> build(List<List<RevisionFile>> scanned,
			@Nullable List<? extends JavaRevision> javaRevisions) {
		Map<String, Revision> revisions = new HashMap<>();
		Map<String, String> origins = new HashMap<>();
		for (List<RevisionFile> files : scanned) {
			for (RevisionFile file : files) {
				RevisionIndex.Entry indexed = file.indexed();
				Revision revision = (indexed != null) ? fromIndex(file, indexed)
						: RevisionFileParser.parse(file.fileName(), file.source(), decode(file.source(), file.read()));
				add(revision, file.origin(), revisions, origins);
			}
		}
		if (javaRevisions != null) {
			for (JavaRevision javaRevision : javaRevisions) {
				Revision revision = JavaRevisions.toRevision(javaRevision);
				add(revision, revision.source(), revisions, origins);
			}
		}
		List<Revision> sorted = new ArrayList<>(revisions.values());
		sorted.sort(Comparator.comparing(Revision::id));
		return sorted;
	}

	/**
	 * Parse the text of one SQL revision file.
	 * @param fileName the file's name, e.g. {@code 1975ea83b712_create_account.sql}
	 * @param source where the file comes from, for messages, e.g.
	 * {@code filesystem:db/revisions/1975ea83b712_create_account.sql}
	 * @param text the file's content
	 * @return the revision
	 * @throws MigrateException when the file breaks the format
	 * ({@link ErrorCode#REVISION_FORMAT}, {@link ErrorCode#SQL_SYNTAX},
	 * {@link ErrorCode#NON_TRANSACTIONAL_STATEMENT})
	 */
	public static Revision parse(String fileName, String source, String text) {
		return RevisionFileParser.parse(fileName, source, text);
	}

	/**
	 * Check a branch label by the rules of the {@code branch_labels} header, before a file
	 * declaring it is written.
	 * @param label the label, e.g. {@code billing}
	 * @return what is wrong with it and what to do, or {@code null} when it is valid
	 */
	public static @Nullable String branchLabelProblem(String label) {
		String problem = RevisionIds.labelProblem(label);
		return (problem != null) ? "Branch label '" + label + "' " + problem + ". " + RevisionIds.LABEL_RULE : null;
	}

	private static void add(Revision revision, String origin, Map<String, Revision> revisions,
			Map<String, String> origins) {
		Revision existing = revisions.putIfAbsent(revision.id(), revision);
		if (existing != null) {
			String where = existing.source() + " and " + revision.source();
			if (existing.source().equals(revision.source())) {
				where = existing.source() + " twice (" + origins.get(revision.id()) + " and " + origin + ")";
			}
			throw new MigrateException(ErrorCode.DUPLICATE_REVISION,
					"Revision id '" + revision.id() + "' is defined by " + where,
					"Give one of them a new id (and update the down_revision of the revisions that follow it), "
							+ "or remove the copy");
		}
		origins.put(revision.id(), origin);
	}

	/**
	 * A revision taken from the revision index: its header is checked now, its statements are
	 * split when first needed, from the file read again then, which must still have the indexed
	 * checksum.
	 */
	private static Revision fromIndex(RevisionFile file, RevisionIndex.Entry entry) {
		DeferredParse parse = new DeferredParse(file, entry);
		RevisionScript upgrade = RevisionScript.Sql.deferred(() -> parse.get().upgrade().statements());
		RevisionScript downgrade = entry.downgrade()
				? RevisionScript.Sql.deferred(() -> parse.get().downgrade().statements()) : null;
		return RevisionFileParser.fromHeader(file.fileName(), file.source(), entry.header(), entry.checksum(), upgrade,
				downgrade);
	}

	/** Decode UTF-8, reporting the line of the first malformed byte. */
	static String decode(String source, byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') < 0) {
			return text;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer input = ByteBuffer.wrap(bytes);
		CoderResult result = decoder.decode(input, CharBuffer.allocate(bytes.length), true);
		if (!result.isError()) {
			return text;
		}
		int line = 1;
		for (int i = 0; i < input.position(); i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		throw new MigrateException(ErrorCode.REVISION_FORMAT,
				source + " line " + line + ": the file is not valid UTF-8 (byte " + input.position() + ")",
				"Save the file as UTF-8");
	}

	/** The full parse of a file taken from the index, done once, when its statements are first needed. */
	private static final class DeferredParse {

		private final RevisionFile file;

		private final RevisionIndex.Entry entry;

		private @Nullable Revision revision;

		DeferredParse(RevisionFile file, RevisionIndex.Entry entry) {
			this.file = file;
			this.entry = entry;
		}

		synchronized Sections get() {
			Revision revision = this.revision;
			if (revision == null) {
				Revision parsed = RevisionFileParser.parse(this.file.fileName(), this.file.source(),
						decode(this.file.source(), this.file.read()));
				String indexed = this.entry.checksum();
				if (!indexed.equals(parsed.checksum())) {
					throw new MigrateException(ErrorCode.REVISION_FORMAT,
							this.file.source() + " changed after the revisions were loaded (checksum " + indexed
									+ " when loaded, " + parsed.checksum() + " now)",
							"Restart so that the revisions are loaded again, and do not edit revision files while "
									+ "migrate runs");
				}
				this.revision = parsed;
				revision = parsed;
			}
			return new Sections(revision);
		}

	}

	/** The SQL sections of a parsed file. */
	private record Sections(Revision revision) {

		RevisionScript.Sql upgrade() {
			return (RevisionScript.Sql) this.revision.upgrade();
		}

		/** Asked for only when the index says the file has a downgrade section (same checksum, same sections). */
		RevisionScript.Sql downgrade() {
			return (RevisionScript.Sql) Objects.requireNonNull(this.revision.downgrade());
		}

	}

}
