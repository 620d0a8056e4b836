package dev.migrate.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionLoader;

/**
 * Writes new SQL revision files ({@code <id>_<slug>.sql}) for {@code revision} and {@code merge}:
 * into the given directory or the first {@code filesystem:} location, with the header filled
 * in and empty sections. The revisions it builds on are read from that directory and the other
 * {@code filesystem:} locations (not {@code classpath:} ones, which hold build copies of them)
 * plus the Java revisions of the settings. A file is written only once it parses and keeps the
 * graph valid, and never over an existing file.
 */
final class RevisionFileWriter {

	/** Longest slug, as Alembic's {@code truncate_slug_length}. */
	static final int SLUG_LENGTH = 40;

	/** The longest id the version table's column holds. */
	private static final int MAX_GIVEN_ID_LENGTH = 32;

	private static final String FILESYSTEM = "filesystem:";

	private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final int MAX_ID_ATTEMPTS = 100;

	private final CommandContext context;

	private final Path directory;

	private RevisionGraph graph;

	private RevisionFileWriter(CommandContext context, Path directory, RevisionGraph graph) {
		this.context = context;
		this.directory = directory;
		this.graph = graph;
	}

	/**
	 * Find the directory and load the revisions new files build on.
	 * @param context the context
	 * @param directory the directory to write to, or {@code null} for the first
	 * {@code filesystem:} location
	 * @return the writer
	 */
	static RevisionFileWriter open(CommandContext context, @Nullable Path directory) {
		MigrateSettings settings = context.settings();
		List<Path> filesystem = new ArrayList<>();
		for (String location : settings.locations()) {
			String trimmed = location.strip();
			if (trimmed.startsWith(FILESYSTEM) && trimmed.length() > FILESYSTEM.length()) {
				filesystem.add(Path.of(trimmed.substring(FILESYSTEM.length())));
			}
		}
		Path target = directory;
		if (target == null) {
			if (filesystem.isEmpty()) {
				throw new UsageException("No directory to write the revision to: the locations "
						+ settings.locations() + " have no filesystem: location; pass --dir <directory>, e.g. "
						+ "--dir src/main/resources/db/revisions");
			}
			target = filesystem.get(0);
		}
		Set<Path> read = new LinkedHashSet<>();
		read.add(normalize(target));
		for (Path path : filesystem) {
			read.add(normalize(path));
		}
		if (!Files.exists(target)) {
			read.remove(normalize(target));
		}
		List<String> locations = read.stream().map((path) -> FILESYSTEM + path).toList();
		List<Revision> revisions = RevisionLoader.load(locations, settings.classLoader(), settings.javaRevisions(),
				settings.vocabulary());
		return new RevisionFileWriter(context, target, RevisionGraph.of(revisions));
	}

	private static Path normalize(Path path) {
		return path.toAbsolutePath().normalize();
	}

	/** The revisions new files build on. */
	RevisionGraph graph() {
		return this.graph;
	}

	/**
	 * Write a new revision file and print {@code Generating <path> ...  done}.
	 * @param id the revision id, or {@code null} for a new random one
	 * @param downRevisions what it builds on (empty for a new base)
	 * @param message its message
	 * @param transactional whether it runs in a transaction
	 * @return the file
	 */
	Path write(@Nullable String id, List<String> downRevisions, String message, boolean transactional) {
		return write(id, downRevisions, List.of(), message, transactional, "", "");
	}

	/**
	 * Write a new revision file declaring branch labels, with empty sections, and print
	 * {@code Generating <path> ...  done}.
	 * @param id the revision id, or {@code null} for a new random one
	 * @param downRevisions what it builds on (empty for a new base)
	 * @param branchLabels its {@code branch_labels} (checked by the caller), or none
	 * @param message its message
	 * @param transactional whether it runs in a transaction
	 * @return the file
	 */
	Path write(@Nullable String id, List<String> downRevisions, List<String> branchLabels, String message,
			boolean transactional) {
		return write(id, downRevisions, branchLabels, message, transactional, "", "");
	}

	/**
	 * Write a new revision file with the given sections and print
	 * {@code Generating <path> ...  done}.
	 * @param id the revision id, or {@code null} for a new random one
	 * @param downRevisions what it builds on (empty for a new base)
	 * @param message its message
	 * @param transactional whether it runs in a transaction
	 * @param upgrade the upgrade section's SQL (may be empty)
	 * @param downgrade the downgrade section's SQL (may be empty)
	 * @return the file; the revisions later files build on include it
	 */
	Path write(@Nullable String id, List<String> downRevisions, String message, boolean transactional, String upgrade,
			String downgrade) {
		return write(id, downRevisions, List.of(), message, transactional, upgrade, downgrade);
	}

	private Path write(@Nullable String id, List<String> downRevisions, List<String> branchLabels, String message,
			boolean transactional, String upgrade, String downgrade) {
		if (id != null) {
			checkGivenId(id);
		}
		String revisionId = (id != null) ? id : newId();
		String oneLineMessage = message.strip().replaceAll("\\s*\\R\\s*", " ");
		String slug = slug(oneLineMessage);
		String fileName = slug.isEmpty() ? revisionId + ".sql" : revisionId + "_" + slug + ".sql";
		Path file = this.directory.resolve(fileName);
		String text = render(revisionId, downRevisions, branchLabels, oneLineMessage, transactional, upgrade,
				downgrade);
		Revision revision = RevisionLoader.parse(fileName, FILESYSTEM + file, text);
		List<Revision> all = new ArrayList<>(this.graph.revisions());
		all.add(revision);
		RevisionGraph withRevision = RevisionGraph.of(all);
		try {
			Files.createDirectories(this.directory);
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			throw new MigrateException(ErrorCode.LOCATION, "Cannot write " + file + ": the file already exists",
					"Choose another --rev-id or message, or remove the file", ex);
		}
		catch (IOException ex) {
			throw new MigrateException(ErrorCode.LOCATION, "Cannot write " + file + ": " + ex.getMessage(),
					"Check that the directory " + this.directory + " is writable", ex);
		}
		this.graph = withRevision;
		this.context.out().println("Generating " + file.toAbsolutePath() + " ...  done");
		this.context.out().flush();
		return file;
	}

	/**
	 * A given id becomes the start of a file name: allow only letters, digits and {@code _}, so
	 * that it can neither leave the directory nor hide the file.
	 */
	private static void checkGivenId(String id) {
		String found = null;
		if (id.isEmpty()) {
			found = "it is empty";
		}
		else if (id.length() > MAX_GIVEN_ID_LENGTH) {
			found = "it is " + id.length() + " characters long";
		}
		for (int i = 0; found == null && i < id.length(); i++) {
			char c = id.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				found = "it contains '" + c + "'";
			}
		}
		if (found != null) {
			throw new MigrateException(ErrorCode.REVISION_FORMAT,
					"--rev-id '" + id + "' is not a revision id (" + found + "): a given id becomes the start of the "
							+ "file name, so it may hold only ASCII letters, digits and _ (no path separators or dots)",
					"Pass 1-" + MAX_GIVEN_ID_LENGTH + " letters, digits and _ (for example a 12-digit hex id like "
							+ "1975ea83b712), or leave --rev-id out for a random one");
		}
	}

	String newId() {
		for (int i = 0; i < MAX_ID_ATTEMPTS; i++) {
			String id = this.context.newRevisionId();
			if (!this.graph.contains(id)) {
				return id;
			}
		}
		throw new MigrateException(ErrorCode.DUPLICATE_REVISION,
				"Could not generate a revision id that is not used yet after " + MAX_ID_ATTEMPTS + " attempts",
				"Pass one with --rev-id");
	}

	private String render(String id, List<String> downRevisions, List<String> branchLabels, String message,
			boolean transactional, String upgrade, String downgrade) {
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision:");
		if (!downRevisions.isEmpty()) {
			text.append(' ').append(String.join(", ", downRevisions));
		}
		text.append('\n');
		if (!message.isEmpty()) {
			text.append("-- message: ").append(message).append('\n');
		}
		text.append("-- create_date: ")
			.append(LocalDateTime.now(this.context.clock()).format(CREATE_DATE))
			.append('\n');
		if (!transactional) {
			text.append("-- transactional: false\n");
		}
		if (!branchLabels.isEmpty()) {
			text.append("-- branch_labels: ").append(String.join(", ", branchLabels)).append('\n');
		}
		text.append("\n-- upgrade\n").append(section(upgrade)).append("\n-- downgrade\n").append(section(downgrade));
		return text.toString();
	}

	private static String section(String sql) {
		if (sql.isBlank()) {
			return "\n";
		}
		return sql.endsWith("\n") ? sql : sql + "\n";
	}

	/**
	 * The file-name slug of a message, as Alembic makes it: its words ({@code \w+}) lowercased and
	 * joined by {@code _}, cut at a word boundary to at most {@value #SLUG_LENGTH} characters.
	 * @param message the message
	 * @return the slug, empty when the message has no words
	 */
	static String slug(String message) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(message);
		while (matcher.find()) {
			words.add(matcher.group().toLowerCase(Locale.ROOT));
		}
		String slug = String.join("_", words);
		if (slug.length() <= SLUG_LENGTH) {
			return slug;
		}
		int cut = slug.lastIndexOf('_', SLUG_LENGTH);
		String truncated = (cut > 0) ? slug.substring(0, cut) : slug.substring(0, SLUG_LENGTH);
		return truncated.replaceAll("_+$", "");
	}

}
