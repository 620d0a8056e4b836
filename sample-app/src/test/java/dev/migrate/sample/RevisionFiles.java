package dev.migrate.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the sample's revision files and applies their SQL with plain JDBC, so tests can prove
 * the SQL without the migrate engine. Deliberately simple: it knows only what these files use
 * (statements end with {@code ;} at the end of a line, no {@code $$} bodies).
 */
final class RevisionFiles {

	static final String LOCATION = "classpath:db/revisions/*.sql";

	private static final Pattern HEADER = Pattern.compile("-- ([a-z_]+):(.*)");

	private static final Set<String> KEYS = Set.of("revision", "down_revision", "message", "create_date",
			"transactional");

	private RevisionFiles() {
	}

	/** One revision file. */
	record RevisionFile(String fileName, Map<String, String> header, String upgrade, String downgrade) {

		String id() {
			return this.header.get("revision");
		}

		List<String> downRevisions() {
			String value = this.header.get("down_revision");
			return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
		}

		boolean transactional() {
			return !"false".equals(this.header.get("transactional"));
		}

	}

	/** All revision files, parents before children (ties by id). */
	static List<RevisionFile> inUpgradeOrder() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
		Map<String, RevisionFile> byId = new TreeMap<>();
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				RevisionFile file = parse(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
				if (byId.put(file.id(), file) != null) {
					throw new IllegalStateException("Duplicate revision " + file.id());
				}
			}
		}
		List<RevisionFile> ordered = new ArrayList<>();
		Map<String, RevisionFile> remaining = new LinkedHashMap<>(byId);
		while (!remaining.isEmpty()) {
			RevisionFile next = remaining.values()
				.stream()
				.filter((file) -> file.downRevisions().stream().noneMatch(remaining::containsKey))
				.min(Comparator.comparing(RevisionFile::id))
				.orElseThrow(() -> new IllegalStateException("Cycle or missing parent among " + remaining.keySet()));
			for (String parent : next.downRevisions()) {
				if (!byId.containsKey(parent)) {
					throw new IllegalStateException(next.fileName() + " names missing parent " + parent);
				}
			}
			ordered.add(next);
			remaining.remove(next.id());
		}
		return ordered;
	}

	static RevisionFile parse(String fileName, String content) {
		List<String> lines = content.lines().toList();
		Map<String, String> header = new LinkedHashMap<>();
		int i = 0;
		for (; i < lines.size(); i++) {
			Matcher matcher = HEADER.matcher(lines.get(i));
			if (!matcher.matches()) {
				break;
			}
			if (!KEYS.contains(matcher.group(1))) {
				throw new IllegalStateException(fileName + ": unknown header key " + matcher.group(1));
			}
			header.put(matcher.group(1), matcher.group(2).strip());
		}
		StringBuilder upgrade = null;
		StringBuilder downgrade = null;
		StringBuilder current = null;
		for (; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.equals("-- upgrade")) {
				current = upgrade = new StringBuilder();
			}
			else if (line.equals("-- downgrade")) {
				current = downgrade = new StringBuilder();
			}
			else if (current != null) {
				current.append(line).append('\n');
			}
			else if (!line.isBlank()) {
				throw new IllegalStateException(fileName + ": text before '-- upgrade': " + line);
			}
		}
		if (upgrade == null || downgrade == null) {
			throw new IllegalStateException(fileName + ": needs '-- upgrade' and '-- downgrade' sections");
		}
		return new RevisionFile(fileName, header, upgrade.toString(), downgrade.toString());
	}

	/** The statements of a section, without comment lines. */
	static List<String> statements(String section) {
		StringBuilder sql = new StringBuilder();
		section.lines().filter((line) -> !line.strip().startsWith("--")).forEach((line) -> sql.append(line).append('\n'));
		return Arrays.stream(sql.toString().split(";\\s*(\\n|$)")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/** Runs a section as the engine would: in one transaction unless the revision says otherwise. */
	static void run(Connection connection, RevisionFile file, String section) throws SQLException {
		boolean transactional = file.transactional();
		connection.setAutoCommit(!transactional);
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements(section)) {
				statement.execute(sql);
			}
			if (transactional) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			if (transactional) {
				connection.rollback();
			}
			throw new SQLException(file.fileName() + ": " + ex.getMessage(), ex.getSQLState(), ex);
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** Applies every upgrade, parents first. */
	static void upgradeAll(Connection connection) throws SQLException, IOException {
		for (RevisionFile file : inUpgradeOrder()) {
			run(connection, file, file.upgrade());
		}
	}

	/** Applies every downgrade, children first. */
	static void downgradeAll(Connection connection) throws SQLException, IOException {
		Deque<RevisionFile> reversed = new ArrayDeque<>();
		inUpgradeOrder().forEach(reversed::push);
		for (RevisionFile file : reversed) {
			run(connection, file, file.downgrade());
		}
	}

}
