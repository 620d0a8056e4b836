package dev.migrate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes SQL revision files into a directory for tests, and names it as a
 * {@code filesystem:} location.
 */
final class RevisionDir {

	private final Path dir;

	RevisionDir(Path dir) {
		this.dir = dir;
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code filesystem:} location of the directory. */
	String location() {
		return "filesystem:" + this.dir;
	}

	/** Add a transactional revision. */
	RevisionDir add(String id, String downRevisions, String upgrade, String downgrade) {
		return add(id, downRevisions, "revision " + id, true, upgrade, downgrade);
	}

	/** Add a revision; {@code downgrade} {@code null} makes it irreversible. */
	RevisionDir add(String id, String downRevisions, String message, boolean transactional, String upgrade,
			String downgrade) {
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ").append(downRevisions).append('\n');
		text.append("-- message: ").append(message).append('\n');
		if (!transactional) {
			text.append("-- transactional: false\n");
		}
		text.append("\n-- upgrade\n").append(upgrade).append('\n');
		if (downgrade != null) {
			text.append("\n-- downgrade\n").append(downgrade).append('\n');
		}
		return write(id + "_" + message.replaceAll("[^A-Za-z0-9]+", "_") + ".sql", text.toString());
	}

	/** Write a file as is. */
	RevisionDir write(String fileName, String text) {
		try {
			Files.writeString(this.dir.resolve(fileName), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Remove every file whose name starts with the id. */
	RevisionDir remove(String id) {
		try (var files = Files.list(this.dir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(id + "_")).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

}
