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

/**
 * The revision index of one location: a file named {@value #FILE_NAME} beside the revision files,
 * written at build time by {@link RevisionIndexWriter}, that holds for every file its size and
 * CRC-32, its header, its checksum and whether it has a downgrade section. A file whose size and
 * CRC-32 match its entry is taken from the index without being parsed (its statements are split
 * when they are first needed, and checked against the checksum then); every other file is read
 * and parsed as without an index. An index written by a migrate whose parser differs from this
 * one is ignored as a whole.
 *
 * <p>
 * The format is UTF-8 text: a first line {@code # migrate revision index <format> <rules>}, then
 * one line per file with tab-separated fields: path relative to the location, size in bytes,
 * CRC-32 in hex, checksum, {@code D} with a downgrade section or {@code -} without, and the header
 * lines; backslash, tab, CR and LF in a field are written {@code \\}, {@code \t}, {@code \r},
 * {@code \n}.
 */
final class RevisionIndex {

	/** The index's name in a location. */
	static final String FILE_NAME = "migrate.index";

	private static final String FORMAT = "1";

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
			"dev/migrate/sql/SqlChecksum.class");

	private static volatile String rules;

	private final Map<String, Entry> entries;

	private RevisionIndex(Map<String, Entry> entries) {
		this.entries = entries;
	}

	/**
	 * Read an index.
	 * @param content the index file's bytes
	 * @return the index, or {@code null} when it was written in another format or by a migrate
	 * with other rules
	 */
	static RevisionIndex read(byte[] content) {
		return read(content, true);
	}

	/**
	 * Read the list of files of an index, for a location that cannot be listed otherwise: an
	 * index written by a migrate with other rules is read too, but its entries must not be
	 * trusted (each file is parsed).
	 * @param content the index file's bytes
	 * @return the index, or {@code null} when it was written in another format
	 */
	static RevisionIndex readFiles(byte[] content) {
		return read(content, false);
	}

	private static RevisionIndex read(byte[] content, boolean sameRules) {
		String text = new String(content, StandardCharsets.UTF_8);
		int firstLineEnd = text.indexOf('\n');
		String firstLine = (firstLineEnd < 0) ? "" : text.substring(0, firstLineEnd);
		if (sameRules ? !firstLine.equals(firstLine()) : !firstLine.startsWith(FORMAT_PREFIX)) {
			return null;
		}
		Map<String, Entry> entries = new HashMap<>();
		int start = firstLineEnd + 1;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			Entry entry = Entry.parse(text, start, end);
			if (entry == null) {
				return null;
			}
			entries.put(entry.path(), entry);
			start = end + 1;
		}
		return new RevisionIndex(entries);
	}

	/** The entry of a file, by its path relative to the location, or {@code null}. */
	Entry get(String path) {
		return this.entries.get(path);
	}

	/** The entries, sorted by path as a location's files are. */
	List<Entry> entries() {
		List<Entry> sorted = new ArrayList<>(this.entries.values());
		sorted.sort(Comparator.comparing(Entry::path));
		return sorted;
	}

	/** The text of an index holding some entries. */
	static String write(List<Entry> entries) {
		StringBuilder out = new StringBuilder(firstLine()).append('\n');
		for (Entry entry : entries) {
			out.append(escape(entry.path())).append('\t').append(entry.size()).append('\t')
				.append(Long.toHexString(entry.crc())).append('\t').append(escape(entry.checksum())).append('\t')
				.append(entry.downgrade() ? 'D' : '-').append('\t').append(escape(entry.header())).append('\n');
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
	 * One file of the index.
	 *
	 * @param path the file's path relative to the location, with {@code /} separators
	 * @param size its size in bytes
	 * @param crc the CRC-32 of its bytes
	 * @param checksum its revision checksum
	 * @param downgrade whether it has a {@code -- downgrade} section
	 * @param header its header lines (after a byte order mark is removed and CRLF read as LF)
	 */
	record Entry(String path, long size, long crc, String checksum, boolean downgrade, String header) {

		/** Whether a file of this size and CRC-32 is the one indexed. */
		boolean matches(long fileSize, long fileCrc) {
			return this.size == fileSize && this.crc == fileCrc;
		}

		/** The entry on one line of an index, or {@code null} when the line is malformed. */
		private static Entry parse(String text, int start, int end) {
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
						unescape(fields[3]), fields[4].equals("D"), unescape(fields[5]));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
