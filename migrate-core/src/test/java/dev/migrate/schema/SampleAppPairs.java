package dev.migrate.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Schema pairs from the sample application's revision history: the schema at each revision is
 * the upgrade sections of it and its ancestors; pairs are each revision against its parents, the
 * two branches against each other, and empty against the head both ways.
 */
final class SampleAppPairs {

	private static final Path REVISIONS = Path.of("../sample-app/src/main/resources/db/revisions");

	private SampleAppPairs() {
	}

	static List<SchemaPair> pairs() {
		Map<String, Revision> revisions = load();
		Map<String, String> schemas = new LinkedHashMap<>();
		for (String id : revisions.keySet()) {
			schemas.put(id, schemaAt(id, revisions));
		}
		List<SchemaPair> pairs = new ArrayList<>();
		String head = null;
		for (Revision revision : revisions.values()) {
			for (String parent : revision.parents()) {
				pairs.add(SchemaPair.of("sample " + parent + " -> " + revision.id() + " (" + revision.message() + ")",
						schemas.get(parent), schemas.get(revision.id())));
			}
			if (revision.parents().isEmpty()) {
				pairs.add(SchemaPair.of("sample empty -> " + revision.id(), "", schemas.get(revision.id())));
			}
			head = revision.id();
		}
		List<String> branches = new ArrayList<>();
		for (Revision revision : revisions.values()) {
			if (revision.parents().size() > 1) {
				branches.addAll(revision.parents());
			}
		}
		if (branches.size() == 2) {
			pairs.add(SchemaPair.of("sample branch " + branches.get(0) + " -> branch " + branches.get(1),
					schemas.get(branches.get(0)), schemas.get(branches.get(1))));
		}
		pairs.add(SchemaPair.of("sample empty -> head " + head, "", schemas.get(head)));
		pairs.add(SchemaPair.of("sample head " + head + " -> empty", schemas.get(head), ""));
		return pairs;
	}

	private static String schemaAt(String id, Map<String, Revision> revisions) {
		Set<String> ancestors = new LinkedHashSet<>();
		collect(id, revisions, ancestors);
		StringBuilder sql = new StringBuilder();
		for (Revision revision : revisions.values()) {
			if (ancestors.contains(revision.id())) {
				sql.append(revision.upgrade()).append('\n');
			}
		}
		return sql.toString();
	}

	private static void collect(String id, Map<String, Revision> revisions, Set<String> into) {
		if (into.add(id)) {
			for (String parent : revisions.get(id).parents()) {
				collect(parent, revisions, into);
			}
		}
	}

	/** The revisions, each after its parents. */
	private static Map<String, Revision> load() {
		if (!Files.isDirectory(REVISIONS)) {
			throw new IllegalStateException("The sample application's revisions are missing: " + REVISIONS.toAbsolutePath());
		}
		Map<String, Revision> byId = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(REVISIONS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".sql")).sorted().toList()) {
				Revision revision = parse(Files.readString(file));
				byId.put(revision.id(), revision);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Revision> ordered = new LinkedHashMap<>();
		while (ordered.size() < byId.size()) {
			for (Revision revision : byId.values()) {
				if (!ordered.containsKey(revision.id()) && ordered.keySet().containsAll(revision.parents())) {
					ordered.put(revision.id(), revision);
				}
			}
		}
		return ordered;
	}

	private static Revision parse(String text) {
		String id = header(text, "revision");
		String down = header(text, "down_revision");
		List<String> parents = new ArrayList<>();
		for (String parent : down.split(",")) {
			if (!parent.isBlank()) {
				parents.add(parent.strip());
			}
		}
		int upgrade = text.indexOf("\n-- upgrade\n");
		int downgrade = text.indexOf("\n-- downgrade\n");
		return new Revision(id, parents, header(text, "message"), text.substring(upgrade + 12, downgrade));
	}

	private static String header(String text, String name) {
		for (String line : text.split("\n")) {
			if (line.startsWith("-- " + name + ":")) {
				return line.substring(name.length() + 4).strip();
			}
		}
		throw new IllegalStateException("No " + name + " header in\n" + text);
	}

	private record Revision(String id, List<String> parents, String message, String upgrade) {
	}

}
