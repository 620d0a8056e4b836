package dev.migrate.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the real {@code pg_dump} on a test database: the newest one under
 * {@code /usr/lib/postgresql/<version>/bin}, else the one on the {@code PATH}.
 */
public final class PgDump {

	private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");

	private PgDump() {
	}

	/**
	 * {@code pg_dump --schema-only} of a database, as it writes it.
	 * @param url the database's JDBC URL ({@code jdbc:postgresql://host:port/db})
	 * @param user the user
	 * @param password the password
	 * @return the dump
	 */
	public static String schemaOnly(String url, String user, String password) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Cannot read host, port and database of " + url);
		}
		List<String> command = new ArrayList<>(List.of(executable(), "--schema-only", "--host", matcher.group(1),
				"--username", user, "--dbname", matcher.group(3)));
		if (matcher.group(2) != null) {
			command.addAll(List.of("--port", matcher.group(2)));
		}
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("PGPASSWORD", password);
		try {
			Process process = builder.start();
			CompletableFuture<String> errors = CompletableFuture
				.supplyAsync(() -> read(process.getErrorStream()));
			String dump = read(process.getInputStream());
			int status = process.waitFor();
			if (status != 0) {
				throw new IllegalStateException("pg_dump exited with " + status + ": " + errors.join());
			}
			return dump;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code pg_dump --schema-only} of a test database. */
	public static String schemaOnly(PostgresDatabase database) {
		return schemaOnly(database.url(), database.user(), database.password());
	}

	/**
	 * A dump without what differs between two dumps of equal schemas: comment lines, blank lines
	 * and psql meta-commands ({@code \restrict} keys are random).
	 * @param dump the dump
	 * @return the normalised dump
	 */
	public static String normalize(String dump) {
		return dump.lines()
			.filter((line) -> !line.startsWith("--") && !line.startsWith("\\") && !line.isBlank())
			.reduce("", (all, line) -> all + line + "\n");
	}

	private static String read(java.io.InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String executable() {
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				Path newest = versions.map((version) -> version.resolve("bin/pg_dump"))
					.filter(Files::isExecutable)
					.max(Comparator.comparing((path) -> versionOf(path.getParent().getParent())))
					.orElse(null);
				if (newest != null) {
					return newest.toString();
				}
			}
			catch (IOException ex) {
				// fall back to the PATH
			}
		}
		return "pg_dump";
	}

	private static int versionOf(Path directory) {
		try {
			return Integer.parseInt(directory.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
