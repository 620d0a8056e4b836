package dev.migrate.schema;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code pg_dump --schema-only} of a test database, normalised so that two databases holding
 * the same schema give the same text: comments, {@code SET} lines and {@code \restrict} lines are
 * removed, and the columns of each {@code CREATE TABLE} are sorted (column order is not part of
 * what autogenerate keeps).
 */
final class SchemaDump {

	private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

	private static Path pgDump;

	private SchemaDump() {
	}

	/** The {@code pg_dump} executable: on the PATH, else under /usr/lib/postgresql/{version}/bin. */
	static synchronized Path pgDump() {
		if (pgDump == null) {
			pgDump = locate();
		}
		return pgDump;
	}

	private static Path locate() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "pg_dump");
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				Path found = versions.map((version) -> version.resolve("bin/pg_dump"))
					.filter(Files::isExecutable)
					.max(Comparator.comparing(Path::toString))
					.orElse(null);
				if (found != null) {
					return found;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("pg_dump is missing: it is neither on the PATH nor under "
				+ "/usr/lib/postgresql/*/bin. Install the PostgreSQL client (apt-get install postgresql-client) "
				+ "so the round-trip tests can compare schema dumps");
	}

	/** The normalised dump of a database reached with this JDBC URL. */
	static String of(String jdbcUrl, String user, String password) {
		Matcher matcher = URL.matcher(jdbcUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("Cannot read host, port and database from " + jdbcUrl);
		}
		List<String> command = List.of(pgDump().toString(), "--schema-only", "--no-owner", "--no-privileges",
				"--host", matcher.group(1), "--port", (matcher.group(2) != null) ? matcher.group(2) : "5432",
				"--username", user, "--dbname", matcher.group(3));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().put("PGPASSWORD", password);
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(
						"pg_dump failed: " + command + "\n" + new String(output, StandardCharsets.UTF_8));
			}
			return normalise(new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String normalise(String dump) {
		List<String> out = new ArrayList<>();
		List<String> columns = null;
		for (String line : dump.split("\n")) {
			if (line.startsWith("--") || line.isBlank() || line.startsWith("SET ") || line.startsWith("\\restrict")
					|| line.startsWith("\\unrestrict") || line.startsWith("SELECT pg_catalog.set_config")) {
				continue;
			}
			if (columns != null) {
				if (line.startsWith(")")) {
					columns.sort(null);
					out.addAll(columns);
					out.add(line);
					columns = null;
				}
				else {
					columns.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
				}
				continue;
			}
			out.add(line);
			if (line.startsWith("CREATE TABLE ") && line.endsWith("(")) {
				columns = new ArrayList<>();
			}
		}
		return String.join("\n", out) + "\n";
	}

}
