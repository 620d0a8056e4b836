package dev.migrate.revision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;

/**
 * The revision index of one location: a file named {@value #FILE_NAME} beside the revision files,
 * written at build time by {@link RevisionIndexWriter}, that holds for every file its size and
 * CRC-32, its header, its checksum and whether it has a downgrade section. A file whose size and
 * CRC-32 match its entry is taken from the index without being parsed (its statements are split
 * when they are first needed, and checked against the checksum then); every other file is read
 * and parsed as without an index. An index written by a migrate whose parser or graph rules
 * differ from this one's is ignored as a whole.
 *
 * <p>
 * When the location's files form a valid graph on their own, the index also holds its
 * {@link Summary}: the graph's heads and a digest of every revision's id and checksum. A location
 * whose files are exactly the indexed ones is then known to form that graph without building it,
 * which is what lets an up-to-date database be recognised at startup in a few comparisons.
 *
 * <p>
 * The format is UTF-8 text: a first line {@code # migrate revision index <format> <rules>}, an
 * optional line {@code # summary <heads, comma-separated> <digest>}, then one line per file with
 * tab-separated fields: path relative to the location, size in bytes, CRC-32 in hex, checksum,
 * {@code D} with a downgrade section or {@code -} without, and the header lines; backslash, tab,
 * CR and LF in a field are written {@code \\}, {@code \t}, {@code \r}, {@code \n}.
 */
final class RevisionIndex {

	/** The index's name in a location. */
	static final String FILE_NAME = "migrate.index";

	private static final String FORMAT = "2";

	private static final String SUMMARY = "# summary ";

	private static final String FORMAT_PREFIX = "# migrate revision index " + FORMAT + " ";

	/**
	 * The classes whose code decides how a file is parsed, checked and checksummed: the index
	 * records a CRC-32 of their bytes, so that an index written by a migrate with other load-time
	 * rules is not trusted.
	 */
	static final List<String> RULE_CLASSES = List.of("dev/migrate/revision/RevisionFileParser.class",
			"dev/migrate/revision/RevisionIds.class", "dev/migrate/revision/RevisionLoader.class",
			"dev/migrate/sql/SqlSplitter.class", "dev/migrate/sql/SqlScanner.class",
			"dev/migrate/sql/NonTransactionalStatements.class", "dev/migrate/sql/TransactionControlStatements.class",
			"dev/migrate/sql/SqlChecksum.class", "dev/migrate/graph/RevisionGraph.class",
			"dev/migrate/graph/GraphLinks.class", "dev/migrate/graph/AlembicSort.class");

	private static volatile @Nullable String rules;

	private final Map<String, Entry> entries;

	private final @Nullable Summary summary;

	private RevisionIndex(Map<String, Entry> entries, @Nullable Summary summary) {
		this.entries = entries;
		this.summary = summary;
	}

	/**
	 * Read an index.
	 * @param content the index file's bytes
	 * @return the index, or {@code null} when it was written in another format or by a migrate
	 * with other rules
	 */
	static @Nullable RevisionIndex read(byte[] content) {
		return read(content, true);
	}

	/**
	 * Read the list of files of an index, for a location that cannot be listed otherwise: an
	 * index written by a migrate with other rules is read too, but its entries must not be
	 * trusted (each file is parsed).
	 * @param content the index file's bytes
	 * @return the index, or {@code null} when it was written in another format
	 */
	static @Nullable RevisionIndex readFiles(byte[] content) {
		return read(content, false);
	}

	private static @Nullable RevisionIndex read(byte[] content, boolean sameRules) {
		String text = new String(content, StandardCharsets.UTF_8);
		int firstLineEnd = text.indexOf('\n');
		String firstLine = (firstLineEnd < 0) ? "" : text.substring(0, firstLineEnd);
		if (sameRules ? !firstLine.equals(firstLine()) : !firstLine.startsWith(FORMAT_PREFIX)) {
			return null;
		}
		int start = firstLineEnd + 1;
		Summary summary = null;
		if (text.startsWith(SUMMARY, start)) {
			int end = text.indexOf('\n', start);
			summary = Summary.parse(text.substring(start + SUMMARY.length(), (end < 0) ? text.length() : end));
			if (summary == null) {
				return null;
			}
			start = (end < 0) ? text.length() : end + 1;
		}
		Map<String, Entry> entries = new HashMap<>();
		RevisionIndex index = new RevisionIndex(entries, summary);
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			Entry entry = Entry.parse(text, start, end, index);
			if (entry == null) {
				return null;
			}
			entries.put(entry.path(), entry);
			start = end + 1;
		}
		return index;
	}

	/**
	 * The summary of the location's graph when the given files are exactly the indexed ones,
	 * each matching its entry.
	 * @param files the files found in the location
	 * @return the summary, or {@code null} when the index has none or the files differ from it
	 */
	@Nullable Summary summaryOf(List<RevisionFile> files) {
		if (this.summary == null || files.size() != this.entries.size()) {
			return null;
		}
		for (RevisionFile file : files) {
			if (file.indexed() == null || file.indexed().index != this) {
				return null;
			}
		}
		return this.summary;
	}

	/** The entry of a file, by its path relative to the location, or {@code null}. */
	@Nullable Entry get(String path) {
		return this.entries.get(path);
	}

	/** The entries, sorted by path as a location's files are. */
	List<Entry> entries() {
		List<Entry> sorted = new ArrayList<>(this.entries.values());
		sorted.sort(Comparator.comparing(Entry::path));
		return sorted;
	}

	/** The text of an index holding some entries and, when not {@code null}, their summary. */
	static String write(List<Entry> entries, @Nullable Summary summary) {
		StringBuilder out = new StringBuilder(firstLine()).append('\n');
		if (summary != null) {
			out.append(SUMMARY).append(String.join(",", summary.heads())).append(' ').append(summary.digest())
				.append('\n');
		}
		for (Entry entry : entries) {
			out.append(escape(entry.path())).append('\t').append(entry.size()).append('\t')
				.append(Long.toHexString(entry.crc())).append('\t').append(escape(entry.checksum())).append('\t')
				.append(entry.downgrade() ? 'D' : '-').append('\t').append(entry.escapedHeader).append('\n');
		}
		return out.toString();
	}

	/** The CRC-32 of some bytes. */
	static long crc(byte[] content) {
		CRC32 crc = new CRC32();
		crc.update(content);
		return crc.getValue();
	}

	private static String firstLine() {
		return FORMAT_PREFIX + rules();
	}

	/** The CRC-32 of the classes that hold the load-time rules, as this migrate has them. */
	private static String rules() {
		String result = rules;
		if (result == null) {
			CRC32 crc = new CRC32();
			ClassLoader classLoader = RevisionIndex.class.getClassLoader();
			for (String name : RULE_CLASSES) {
				try (InputStream input = (classLoader != null) ? classLoader.getResourceAsStream(name)
						: ClassLoader.getSystemResourceAsStream(name)) {
					if (input == null) {
						throw new IllegalStateException("migrate's class " + name + " is missing");
					}
					crc.update(input.readAllBytes());
				}
				catch (IOException ex) {
					throw new IllegalStateException("migrate's class " + name + " cannot be read", ex);
				}
			}
			result = Long.toHexString(crc.getValue());
			rules = result;
		}
		return result;
	}

	private static String escape(String value) {
		if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
				&& value.indexOf('\r') < 0) {
			return value;
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * What the index vouches for when a location's files are exactly the indexed ones: the heads
	 * of the graph they form, and a digest of their ids and checksums to compare with the
	 * checksums a database recorded ({@link RevisionSummary#digestOf}).
	 *
	 * @param heads the ids of the graph's heads, sorted
	 * @param digest the digest of the revisions' ids and checksums
	 */
	record Summary(List<String> heads, String digest) {

		private static @Nullable Summary parse(String line) {
			int space = line.indexOf(' ');
			if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
				return null;
			}
			String heads = line.substring(0, space);
			return new Summary(heads.isEmpty() ? List.of() : List.of(heads.split(",")), line.substring(space + 1));
		}

	}

	/**
	 * One file of the index; the header is unescaped when first asked for.
	 */
	static final class Entry {

		private final String path;

		private final long size;

		private final long crc;

		private final String checksum;

		private final boolean downgrade;

		private final String escapedHeader;

		private final @Nullable RevisionIndex index;

		/**
		 * An entry to write.
		 * @param path the file's path relative to the location, with {@code /} separators
		 * @param size its size in bytes
		 * @param crc the CRC-32 of its bytes
		 * @param checksum its revision checksum
		 * @param downgrade whether it has a {@code -- downgrade} section
		 * @param header its header lines (after a byte order mark is removed and CRLF read as LF)
		 */
		Entry(String path, long size, long crc, String checksum, boolean downgrade, String header) {
			this(path, size, crc, checksum, downgrade, escape(header), null);
		}

		private Entry(String path, long size, long crc, String checksum, boolean downgrade, String escapedHeader,
				@Nullable RevisionIndex index) {
			this.path = path;
			this.size = size;
			this.crc = crc;
			this.checksum = checksum;
			this.downgrade = downgrade;
			this.escapedHeader = escapedHeader;
			this.index = index;
		}

		String path() {
			return this.path;
		}

		long size() {
			return this.size;
		}

		long crc() {
			return this.crc;
		}

		String checksum() {
			return this.checksum;
		}

		boolean downgrade() {
			return this.downgrade;
		}

		String header() {
			return unescape(this.escapedHeader);
		}

		/** The index this entry was read from, or {@code null} for an entry to write. */
		@Nullable RevisionIndex index() {
			return this.index;
		}

		/** Whether a file of this size and CRC-32 is the one indexed. */
		boolean matches(long fileSize, long fileCrc) {
			return this.size == fileSize && this.crc == fileCrc;
		}

		/** The entry on one line of an index, or {@code null} when the line is malformed. */
		private static @Nullable Entry parse(String text, int start, int end, RevisionIndex index) {
			String[] fields = new String[6];
			int from = start;
			for (int i = 0; i < fields.length; i++) {
				int tab = (i < fields.length - 1) ? text.indexOf('\t', from) : end;
				if (tab < 0 || tab > end) {
					return null;
				}
				fields[i] = text.substring(from, tab);
				from = tab + 1;
			}
			try {
				return new Entry(unescape(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2], 16),
						unescape(fields[3]), fields[4].equals("D"), fields[5], index);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
