package dev.migrate.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.sql.NonTransactionalStatements;
import dev.migrate.sql.SqlChecksum;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import dev.migrate.sql.TransactionControlStatements;

/**
 * Parses the text of one SQL revision file into a {@link Revision}.
 *
 * <p>
 * The file starts with its header: a block of {@code -- key: value} lines (blank lines before
 * it are skipped) that ends at the first line of another kind, usually a blank line. Between
 * the header and the {@code -- upgrade} line only blank lines and {@code --} comments may
 * appear. {@code -- upgrade} and {@code -- downgrade} stand alone on their lines
 * (case-insensitive); everything after {@code -- upgrade} up to {@code -- downgrade} is the
 * upgrade section, the rest the downgrade section. A leading byte order mark is ignored and
 * CRLF line endings are read as LF.
 *
 * <p>
 * One parser reads one file; the text is scanned line by line, without regular expressions.
 */
final class RevisionFileParser {

	/** The header keys, in the order the documentation lists them. */
	static final List<String> KEYS = List.of("revision", "down_revision", "message", "create_date", "transactional",
			"branch_labels", "depends_on");

	private static final int REVISION = 0;

	private static final int DOWN_REVISION = 1;

	private static final int MESSAGE = 2;

	private static final int CREATE_DATE = 3;

	private static final int TRANSACTIONAL = 4;

	private static final int BRANCH_LABELS = 5;

	private static final int DEPENDS_ON = 6;

	private static final String HEADER_HELP = "Start the file with its header: '-- revision: <id>' and "
			+ "'-- down_revision: <parent ids>' (then optionally message, create_date, transactional, "
			+ "branch_labels and depends_on), "
			+ "a blank line, and '-- upgrade' above the statements";

	private final String fileName;

	private final String source;

	private final String text;

	private final String[] values = new String[KEYS.size()];

	private final int[] valueLines = new int[KEYS.size()];

	/** Start of the current line in {@link #text}. */
	private int start;

	/** End of the current line (index of its '\n' or the text's length). */
	private int end = -1;

	/** 1-based number of the current line, 0 before the first. */
	private int line;

	/** Whether the header is followed by more lines (the parser then stands on the first). */
	private boolean headerEnded;

	private RevisionFileParser(String fileName, String source, String text) {
		this.fileName = fileName;
		this.source = source;
		this.text = text;
	}

	/**
	 * Parse a revision file.
	 * @param fileName the file's name without directories, e.g.
	 * {@code 1975ea83b712_create_account.sql}
	 * @param source where the file comes from, for messages and {@link Revision#source()}
	 * @param text the file's content
	 * @return the revision
	 * @throws MigrateException with {@link ErrorCode#REVISION_FORMAT} when the file breaks the
	 * format, {@link ErrorCode#SQL_SYNTAX} when a section cannot be split, or
	 * {@link ErrorCode#NON_TRANSACTIONAL_STATEMENT} when a transactional revision holds a
	 * statement that cannot run in a transaction, or
	 * {@link ErrorCode#TRANSACTION_CONTROL_STATEMENT} when it holds one that ends, starts or
	 * nests its transaction
	 */
	static Revision parse(String fileName, String source, String text) {
		rejectNul(source, text);
		return new RevisionFileParser(fileName, source, normalize(text)).parse();
	}

	/** PostgreSQL cannot take a zero character in SQL text; pgjdbc refuses to send one. */
	private static void rejectNul(String source, String text) {
		int nul = text.indexOf('\0');
		if (nul < 0) {
			return;
		}
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < nul; i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				line++;
				lineStart = i + 1;
			}
		}
		throw new MigrateException(ErrorCode.REVISION_FORMAT, source + " line " + line + ", column "
				+ (nul - lineStart + 1) + ": the file contains a NUL character (byte 0), which PostgreSQL cannot "
				+ "accept in SQL",
				"Remove it. A file full of them was probably saved as UTF-16: save it as UTF-8. To store a zero byte, "
						+ "write it as bytea (decode('00', 'hex') or '\\x00'::bytea)");
	}

	private static String normalize(String text) {
		String result = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		return (result.indexOf('\r') >= 0) ? result.replace("\r\n", "\n") : result;
	}

	private Revision parse() {
		int lastHeaderLine = readHeader();
		String id = revisionId();
		List<String> downRevisions = downRevisions(id);
		boolean transactional = transactional();
		List<String> branchLabels = branchLabels();
		List<String> dependsOn = dependsOn(id, downRevisions);
		boolean upgradeFound = skipToUpgradeMarker(lastHeaderLine);
		String checkedId = requireId(id);
		List<String> checkedDownRevisions = requireDownRevisions(downRevisions);
		if (!upgradeFound) {
			throw error(lastHeaderLine + 1, "expected a '-- upgrade' line after the header, but the file has none",
					"Add a line '-- upgrade' above the upgrade statements (it may be followed by nothing for "
							+ "a revision that only merges branches)");
		}
		Sections sections = readSections();
		List<SqlStatement> downgrade = sections.downgrade();
		if (transactional) {
			checkTransactional(sections.upgrade());
			if (downgrade != null) {
				checkTransactional(downgrade);
			}
		}
		return revision(checkedId, checkedDownRevisions, branchLabels, dependsOn, transactional,
				SqlChecksum.of(sections.upgrade(), downgrade), new RevisionScript.Sql(sections.upgrade()),
				(downgrade != null) ? new RevisionScript.Sql(downgrade) : null);
	}

	/**
	 * A revision from its file's header as the revision index holds it, without the file: the
	 * header is read and checked as in a full parse, the checksum and scripts come from the caller.
	 * @param fileName the file's name
	 * @param source where the file comes from
	 * @param header the file's header lines, as {@link #header(String)} returns them
	 * @param checksum the file's checksum
	 * @param upgrade the upgrade script
	 * @param downgrade the downgrade script, or {@code null}
	 * @return the revision
	 * @throws MigrateException when the header breaks the format
	 */
	static Revision fromHeader(String fileName, String source, String header, String checksum,
			RevisionScript upgrade, @Nullable RevisionScript downgrade) {
		RevisionFileParser parser = new RevisionFileParser(fileName, source, header);
		parser.readHeader();
		String id = parser.revisionId();
		List<String> downRevisions = parser.downRevisions(id);
		boolean transactional = parser.transactional();
		List<String> branchLabels = parser.branchLabels();
		List<String> dependsOn = parser.dependsOn(id, downRevisions);
		String checkedId = parser.requireId(id);
		List<String> checkedDownRevisions = parser.requireDownRevisions(downRevisions);
		return parser.revision(checkedId, checkedDownRevisions, branchLabels, dependsOn, transactional, checksum,
				upgrade, downgrade);
	}

	/**
	 * The header lines of a file that {@link #parse} accepts: its text up to the first line that
	 * is not a header line, after a byte order mark is removed and CRLF read as LF.
	 */
	static String header(String text) {
		RevisionFileParser parser = new RevisionFileParser("", "", normalize(text));
		parser.readHeader();
		return parser.headerEnded ? parser.text.substring(0, parser.start) : parser.text;
	}

	private Revision revision(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
			boolean transactional, String checksum, RevisionScript upgrade, @Nullable RevisionScript downgrade) {
		String createDate = this.values[CREATE_DATE];
		return new Revision(id, downRevisions, branchLabels, dependsOn, this.values[MESSAGE],
				(createDate != null && !createDate.isEmpty()) ? createDate : null, transactional, this.source,
				checksum, upgrade, downgrade);
	}

	/** The header's revision id; the header must have one. */
	private String requireId(@Nullable String id) {
		if (id == null) {
			String nameId = fileNameId();
			throw error(firstHeaderLine(), "the header has no 'revision' key",
					"Add '-- revision: " + ((RevisionIds.problem(nameId) == null) ? nameId : "<id>")
							+ "' as the header's first line");
		}
		return id;
	}

	/** The header's down revisions; the header must have the key (with nothing after it for a base). */
	private List<String> requireDownRevisions(@Nullable List<String> downRevisions) {
		if (downRevisions == null) {
			throw error(firstHeaderLine(), "the header has no 'down_revision' key",
					"Add '-- down_revision: <parent id>' to the header, or '-- down_revision:' with nothing after "
							+ "the colon if this revision is a base (the first of its branch)");
		}
		return downRevisions;
	}

	/**
	 * Split the sections, starting on the {@code -- upgrade} line.
	 * @return the statements of both sections
	 */
	private Sections readSections() {
		int upgradeMarker = this.line;
		int upgradeStart = nextLineStart();
		int upgradeEnd = this.text.length();
		int downgradeMarker = 0;
		int downgradeStart = -1;
		while (advance()) {
			if (isMarker("upgrade")) {
				throw error(this.line, "found a second '-- upgrade' line (the first is on line " + upgradeMarker + ")",
						"Keep one '-- upgrade' line; upgrade statements go between it and '-- downgrade'");
			}
			if (isMarker("downgrade")) {
				if (downgradeMarker != 0) {
					throw error(this.line,
							"found a second '-- downgrade' line (the first is on line " + downgradeMarker + ")",
							"Keep one '-- downgrade' line; downgrade statements go after it");
				}
				downgradeMarker = this.line;
				upgradeEnd = this.start;
				downgradeStart = nextLineStart();
			}
		}
		List<SqlStatement> upgrade = SqlSplitter.split(this.text.substring(upgradeStart, upgradeEnd), this.source,
				upgradeMarker + 1);
		List<SqlStatement> downgrade = (downgradeMarker != 0)
				? SqlSplitter.split(this.text.substring(downgradeStart), this.source, downgradeMarker + 1) : null;
		return new Sections(upgrade, downgrade);
	}

	/**
	 * Read the header block into {@link #values}, leaving the parser on the first line after
	 * it.
	 * @return the number of the header's last line
	 */
	private int readHeader() {
		boolean more = advance();
		while (more && isBlank()) {
			more = advance();
		}
		if (!more) {
			throw error(1, "expected the header at the top of the file, but the file is empty", HEADER_HELP);
		}
		int lastHeaderLine = 0;
		while (more) {
			int keyEnd = keyEnd();
			if (keyEnd < 0) {
				break;
			}
			readHeaderLine(keyEnd);
			lastHeaderLine = this.line;
			more = advance();
		}
		if (lastHeaderLine == 0) {
			throw error(this.line, "expected the header ('-- revision: <id>', '-- down_revision: <parent ids>') "
					+ "at the top of the file, found " + quoteLine(), HEADER_HELP);
		}
		this.headerEnded = more;
		return lastHeaderLine;
	}

	private void readHeaderLine(int keyEnd) {
		int keyStart = skipBlanks(this.start + 2);
		String key = this.text.substring(keyStart, keyEnd);
		String value = this.text.substring(this.text.indexOf(':', keyEnd) + 1, this.end).strip();
		String normalized = key.toLowerCase(Locale.ROOT);
		int index = KEYS.indexOf(normalized);
		if (index < 0) {
			if (normalized.equals("upgrade") || normalized.equals("downgrade")) {
				throw markerWithColon(normalized);
			}
			String suggestion = closestKey(normalized);
			if (suggestion != null) {
				throw error(this.line, "unknown header key '" + key + "'; did you mean '" + suggestion + "'?",
						"Rename the key to '" + suggestion + "'");
			}
			throw error(this.line, "unknown header key '" + key + "'",
					"Use only the header keys " + String.join(", ", KEYS)
							+ "; free-form comments go after the blank line that ends the header");
		}
		if (this.valueLines[index] != 0) {
			throw error(this.line, "duplicate header key '" + normalized + "' (first on line " + this.valueLines[index] + ")",
					"Keep one '-- " + normalized + ":' line");
		}
		this.values[index] = value;
		this.valueLines[index] = this.line;
	}

	/** The header's revision id, checked, or {@code null} when the header has none. */
	private @Nullable String revisionId() {
		String id = this.values[REVISION];
		if (id == null) {
			return null;
		}
		String problem = RevisionIds.problem(id);
		if (problem != null) {
			throw error(this.valueLines[REVISION], "revision id '" + id + "' " + problem, RevisionIds.RULE);
		}
		if (!this.fileName.equals(id + ".sql") && !this.fileName.startsWith(id + "_")) {
			int slug = this.fileName.indexOf('_');
			String rename = (slug >= 0) ? id + this.fileName.substring(slug) : id + ".sql";
			throw error(this.valueLines[REVISION], "the header says revision '" + id + "' but the file name '"
					+ this.fileName + "' starts with '" + fileNameId() + "'",
					"Rename the file to " + rename + " or correct the 'revision' header; file names are "
							+ "<id>_<description>.sql or <id>.sql");
		}
		return id;
	}

	/** The id a file name suggests: the part before the first '_', or before '.sql'. */
	private String fileNameId() {
		int slug = this.fileName.indexOf('_');
		if (slug >= 0) {
			return this.fileName.substring(0, slug);
		}
		return this.fileName.endsWith(".sql") ? this.fileName.substring(0, this.fileName.length() - 4) : this.fileName;
	}

	/** The header's down revisions, checked, or {@code null} when the header has none. */
	private @Nullable List<String> downRevisions(@Nullable String id) {
		String value = this.values[DOWN_REVISION];
		int valueLine = this.valueLines[DOWN_REVISION];
		if (value == null) {
			return null;
		}
		if (value.isEmpty()) {
			return List.of();
		}
		List<String> ids = new ArrayList<>(2);
		for (String downRevision : list(DOWN_REVISION, "ae1027a6acf, 27c6a30d7c24")) {
			String problem = RevisionIds.problem(downRevision);
			if (problem != null) {
				String hint = problem.equals("contains whitespace")
						? "; separate the ids of several down revisions with commas" : "";
				throw error(valueLine, "down revision id '" + downRevision + "' " + problem, RevisionIds.RULE + hint);
			}
			if (ids.contains(downRevision)) {
				throw error(valueLine, "down_revision lists '" + downRevision + "' twice",
						"List each down revision once");
			}
			if (downRevision.equals(id)) {
				throw error(valueLine, "revision '" + id + "' lists itself as its down revision",
						"Set down_revision to the id of the revision this one follows");
			}
			ids.add(downRevision);
		}
		return ids;
	}

	/** The header's branch labels, checked; empty without the key. */
	private List<String> branchLabels() {
		List<String> labels = new ArrayList<>(1);
		for (String label : list(BRANCH_LABELS, "billing, shopping_cart")) {
			String problem = RevisionIds.labelProblem(label);
			if (problem != null) {
				throw error(this.valueLines[BRANCH_LABELS], "branch label '" + label + "' " + problem,
						RevisionIds.LABEL_RULE + "; separate several labels with commas");
			}
			if (labels.contains(label)) {
				throw error(this.valueLines[BRANCH_LABELS], "branch_labels lists '" + label + "' twice",
						"List each branch label once");
			}
			labels.add(label);
		}
		return labels;
	}

	/** The header's dependencies (revision ids or branch labels), checked; empty without the key. */
	private List<String> dependsOn(@Nullable String id, @Nullable List<String> downRevisions) {
		List<String> dependencies = new ArrayList<>(1);
		for (String dependency : list(DEPENDS_ON, "1975ea83b712, billing")) {
			String problem = RevisionIds.problem(dependency);
			if (problem != null) {
				throw error(this.valueLines[DEPENDS_ON], "depends_on entry '" + dependency + "' " + problem,
						"Name revisions by id or branch label: " + RevisionIds.RULE
								+ "; separate several entries with commas");
			}
			if (dependencies.contains(dependency)) {
				throw error(this.valueLines[DEPENDS_ON], "depends_on lists '" + dependency + "' twice",
						"List each dependency once");
			}
			if (dependency.equals(id)) {
				throw error(this.valueLines[DEPENDS_ON], "revision '" + id + "' depends on itself",
						"Remove '" + id + "' from depends_on");
			}
			if (downRevisions != null && downRevisions.contains(dependency)) {
				throw error(this.valueLines[DEPENDS_ON],
						"'" + dependency + "' is both a down revision and a dependency",
						"Keep '" + dependency + "' in down_revision only: a down revision is already applied first");
			}
			dependencies.add(dependency);
		}
		return dependencies;
	}

	/** A comma-separated header value; empty when the key is absent or its value is empty. */
	private List<String> list(int key, String example) {
		String value = this.values[key];
		if (value == null || value.isEmpty()) {
			return List.of();
		}
		List<String> entries = new ArrayList<>(2);
		int from = 0;
		while (from <= value.length()) {
			int comma = value.indexOf(',', from);
			int to = (comma >= 0) ? comma : value.length();
			String entry = value.substring(from, to).strip();
			if (entry.isEmpty()) {
				throw error(this.valueLines[key], KEYS.get(key) + " '" + value + "' has an empty entry",
						"Separate entries with single commas, e.g. '-- " + KEYS.get(key) + ": " + example + "'");
			}
			entries.add(entry);
			from = to + 1;
		}
		return entries;
	}

	private boolean transactional() {
		String value = this.values[TRANSACTIONAL];
		if (value == null || value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw error(this.valueLines[TRANSACTIONAL], "transactional must be 'true' or 'false', found '" + value + "'",
				"Write '-- transactional: false' to run the revision outside a transaction, or remove the line");
	}

	/**
	 * Move to the {@code -- upgrade} line, checking what comes between the header and it.
	 * @return whether the line was found
	 */
	private boolean skipToUpgradeMarker(int lastHeaderLine) {
		boolean more = this.headerEnded;
		while (more) {
			if (isMarker("upgrade")) {
				return true;
			}
			if (isMarker("downgrade")) {
				throw error(this.line, "found '-- downgrade' before '-- upgrade'",
						"Put the upgrade section ('-- upgrade' and its statements) before the downgrade section");
			}
			if (!isBlank()) {
				if (!isComment()) {
					throw error(this.line, "expected '-- upgrade' before the first statement, found " + quoteLine(),
							"Add a line '-- upgrade' above the upgrade statements");
				}
				int keyEnd = keyEnd();
				if (keyEnd >= 0) {
					String key = this.text.substring(skipBlanks(this.start + 2), keyEnd).toLowerCase(Locale.ROOT);
					if (key.equals("upgrade") || key.equals("downgrade")) {
						throw markerWithColon(key);
					}
					if (KEYS.contains(key)) {
						throw error(this.line, "header key '" + key + "' is outside the header, which ended on line "
								+ lastHeaderLine, "Move the line up into the header block: the header is the "
										+ "file's first '-- key: value' lines, and it ends at the first other line");
					}
				}
			}
			more = advance();
		}
		return false;
	}

	private void checkTransactional(List<SqlStatement> statements) {
		for (SqlStatement statement : statements) {
			Optional<TransactionControlStatements.Found> control = TransactionControlStatements.find(statement);
			if (control.isPresent()) {
				throw transactionControl(control.get());
			}
			Optional<String> construct = NonTransactionalStatements.find(statement);
			if (construct.isPresent()) {
				throw new MigrateException(ErrorCode.NON_TRANSACTIONAL_STATEMENT,
						this.source + " line " + statement.line() + ": " + construct.get()
								+ " cannot run inside a transaction",
						"Add '-- transactional: false' to the header of " + this.fileName
								+ " and make the revision safe to re-run (e.g. DROP INDEX CONCURRENTLY IF EXISTS "
								+ "before CREATE INDEX CONCURRENTLY), or move the statement into its own "
								+ "non-transactional revision");
			}
		}
	}

	private MigrateException transactionControl(TransactionControlStatements.Found found) {
		return new MigrateException(ErrorCode.TRANSACTION_CONTROL_STATEMENT,
				this.source + " line " + found.line() + ": " + found.construct() + " " + found.effect(),
				"Remove the statement: migrate runs each transactional revision in a transaction of its own, with "
						+ "its version row (SQL from Alembic's offline mode carries BEGIN; and COMMIT; lines: delete "
						+ "them). If the statements must run in separate transactions, split them into several "
						+ "revisions, or add '-- transactional: false' to the header of " + this.fileName
						+ " (its statements then run one by one outside a transaction, and it must be safe to re-run)");
	}

	private MigrateException markerWithColon(String marker) {
		return error(this.line, "expected the section marker '-- " + marker + "' alone on its line, found " + quoteLine(),
				"Remove the colon: write '-- " + marker + "'");
	}

	private int firstHeaderLine() {
		int first = Integer.MAX_VALUE;
		for (int valueLine : this.valueLines) {
			if (valueLine != 0) {
				first = Math.min(first, valueLine);
			}
		}
		return first;
	}

	/** The best guess for a mistyped key, or {@code null}. */
	static @Nullable String closestKey(String key) {
		String normalized = key.replace('-', '_');
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : KEYS) {
			int distance = distance(normalized, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		if (bestDistance <= 2) {
			return best;
		}
		String contained = null;
		for (String candidate : KEYS) {
			if ((normalized.contains(candidate) || candidate.contains(normalized))
					&& (contained == null || candidate.length() > contained.length())) {
				contained = candidate;
			}
		}
		return (normalized.length() >= 4) ? contained : null;
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	// Line scanning

	private boolean advance() {
		int next = this.end + 1;
		if (next >= this.text.length()) {
			return false;
		}
		this.start = next;
		int newline = this.text.indexOf('\n', next);
		this.end = (newline >= 0) ? newline : this.text.length();
		this.line++;
		return true;
	}

	private int nextLineStart() {
		return Math.min(this.end + 1, this.text.length());
	}

	private boolean isBlank() {
		for (int i = this.start; i < this.end; i++) {
			if (!Character.isWhitespace(this.text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private boolean isComment() {
		int i = skipBlanks(this.start);
		return i + 1 < this.end && this.text.charAt(i) == '-' && this.text.charAt(i + 1) == '-';
	}

	/** Whether the current line is {@code -- <word>} alone (case-insensitive). */
	private boolean isMarker(String word) {
		if (this.end - this.start < 2 + word.length() || this.text.charAt(this.start) != '-'
				|| this.text.charAt(this.start + 1) != '-') {
			return false;
		}
		int i = skipBlanks(this.start + 2);
		if (!this.text.regionMatches(true, i, word, 0, word.length())) {
			return false;
		}
		return skipWhitespace(i + word.length()) == this.end;
	}

	/**
	 * If the current line is a {@code -- key: value} line, return the end of its key.
	 * @return the index after the key, or -1 when the line is not a header line
	 */
	private int keyEnd() {
		if (this.end - this.start < 4 || this.text.charAt(this.start) != '-' || this.text.charAt(this.start + 1) != '-') {
			return -1;
		}
		int keyStart = skipBlanks(this.start + 2);
		int i = keyStart;
		while (i < this.end && isKeyChar(this.text.charAt(i))) {
			i++;
		}
		int keyEnd = i;
		i = skipBlanks(i);
		return (keyEnd > keyStart && i < this.end && this.text.charAt(i) == ':') ? keyEnd : -1;
	}

	private static boolean isKeyChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	private int skipBlanks(int from) {
		int i = from;
		while (i < this.end && (this.text.charAt(i) == ' ' || this.text.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	private int skipWhitespace(int from) {
		int i = from;
		while (i < this.end && Character.isWhitespace(this.text.charAt(i))) {
			i++;
		}
		return i;
	}

	private String quoteLine() {
		String content = this.text.substring(this.start, this.end).strip();
		return "'" + ((content.length() > 60) ? content.substring(0, 57) + "..." : content) + "'";
	}

	private MigrateException error(int lineNumber, String description, String action) {
		return new MigrateException(ErrorCode.REVISION_FORMAT, this.source + " line " + lineNumber + ": " + description,
				action);
	}

	/**
	 * The statements of a file's sections.
	 *
	 * @param upgrade the upgrade statements
	 * @param downgrade the downgrade statements, or {@code null} without a downgrade section
	 */
	private record Sections(List<SqlStatement> upgrade, @Nullable List<SqlStatement> downgrade) {

	}

}
