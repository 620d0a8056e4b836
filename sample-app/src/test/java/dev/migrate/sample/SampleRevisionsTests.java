package dev.migrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.sample.RevisionFiles.RevisionFile;
import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's revision files: their format and graph, and their SQL against a real
 * PostgreSQL with pgvector (upgrade, downgrade, upgrade again), applied with plain JDBC.
 */
class SampleRevisionsTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final String BASE = "779df61d1234";

	private static final String COLUMNS = "7d6a72ea12bf";

	private static final String BACKFILL = "544fdcc630fc";

	private static final String INDEX = "6538672a90db";

	private static final String TAGS = "f1fa9f47817a";

	private static final String VIEWS = "8156b7e89e38";

	private static final String MERGE = "bed1700ec8c8";

	@BeforeEach
	void resetToBase() {
		db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
	}

	@Test
	void filesFollowTheRevisionFormat() throws Exception {
		List<RevisionFile> files = RevisionFiles.inUpgradeOrder();
		assertThat(files).extracting(RevisionFile::id).containsExactly(BASE, COLUMNS, BACKFILL, INDEX, VIEWS, TAGS, MERGE);
		for (RevisionFile file : files) {
			assertThat(file.id()).matches("[0-9a-f]{12}");
			assertThat(file.fileName()).matches(file.id() + "_[a-z0-9_]+\\.sql");
			assertThat(file.header()).containsKeys("revision", "down_revision", "message", "create_date");
			assertThat(file.header().get("message")).isNotBlank();
			assertThat(file.header().get("create_date")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		}
	}

	@Test
	void graphHasOneBaseTwoBranchesAndAMergeAsTheOnlyHead() throws Exception {
		List<RevisionFile> files = RevisionFiles.inUpgradeOrder();
		Map<String, List<String>> parents = files.stream()
			.collect(Collectors.toMap(RevisionFile::id, RevisionFile::downRevisions));
		assertThat(parents.entrySet().stream().filter((entry) -> entry.getValue().isEmpty()).map(Map.Entry::getKey))
			.containsExactly(BASE);
		Set<String> referenced = parents.values().stream().flatMap(List::stream).collect(Collectors.toSet());
		assertThat(parents.keySet().stream().filter((id) -> !referenced.contains(id))).containsExactly(MERGE);
		assertThat(parents.get(MERGE)).containsExactly(TAGS, VIEWS);
		assertThat(parents.get(TAGS)).containsExactly(INDEX);
		assertThat(parents.get(VIEWS)).containsExactly(INDEX);
	}

	@Test
	void onlyTheIndexRevisionRunsOutsideATransactionAndEveryOtherHasADowngrade() throws Exception {
		for (RevisionFile file : RevisionFiles.inUpgradeOrder()) {
			boolean concurrently = (file.upgrade() + file.downgrade()).contains("CONCURRENTLY");
			assertThat(file.transactional()).as(file.fileName()).isEqualTo(!concurrently);
			assertThat(concurrently).as(file.fileName()).isEqualTo(file.id().equals(INDEX));
			if (file.id().equals(MERGE)) {
				assertThat(RevisionFiles.statements(file.upgrade())).isEmpty();
				assertThat(RevisionFiles.statements(file.downgrade())).isEmpty();
			}
			else {
				assertThat(RevisionFiles.statements(file.downgrade())).as(file.fileName()).isNotEmpty();
			}
		}
		RevisionFile index = revision(INDEX);
		assertThat(RevisionFiles.statements(index.upgrade()))
			.containsExactly("DROP INDEX CONCURRENTLY IF EXISTS documents_embedding_hnsw_idx",
					"CREATE INDEX CONCURRENTLY IF NOT EXISTS documents_embedding_hnsw_idx\n"
							+ "\tON documents USING hnsw (embedding vector_cosine_ops)");
	}

	@Test
	void upgradeDowngradeUpgradeLeavesTheSameSchema() throws Exception {
		try (Connection connection = db.connect()) {
			assertThat(Catalog.dump(connection)).isEmpty();
			RevisionFiles.upgradeAll(connection);
			List<String> upgraded = Catalog.dump(connection);
			assertThat(upgraded).contains("extension vector", "column documents.embedding vector(" + TextEmbedding.DIMENSIONS
							+ ") not null comment L2-normalised hashed word and trigram features of title and body",
					"column documents.word_count integer not null",
					"index CREATE INDEX documents_embedding_hnsw_idx ON public.documents USING hnsw (embedding vector_cosine_ops)",
					"column document_views.document_id bigint not null", "column tags.name character varying(64) not null");
			RevisionFiles.downgradeAll(connection);
			assertThat(Catalog.dump(connection)).isEmpty();
			RevisionFiles.upgradeAll(connection);
			assertThat(Catalog.dump(connection)).isEqualTo(upgraded);
		}
	}

	@Test
	void branchesApplyAndRevertInEitherOrder() throws Exception {
		try (Connection connection = db.connect()) {
			for (String id : List.of(BASE, COLUMNS, BACKFILL, INDEX)) {
				upgrade(connection, id);
			}
			List<String> beforeBranches = Catalog.dump(connection);
			upgrade(connection, TAGS);
			upgrade(connection, VIEWS);
			upgrade(connection, MERGE);
			List<String> merged = Catalog.dump(connection);
			downgrade(connection, MERGE);
			downgrade(connection, TAGS);
			downgrade(connection, VIEWS);
			assertThat(Catalog.dump(connection)).isEqualTo(beforeBranches);
			upgrade(connection, VIEWS);
			upgrade(connection, TAGS);
			upgrade(connection, MERGE);
			assertThat(Catalog.dump(connection)).isEqualTo(merged);
		}
	}

	@Test
	void backfillCountsWordsAsTheApplicationDoesAndDowngradeClearsThem() throws Exception {
		List<String> bodies = List.of("one", "  two words  ", "three\twords\nhere", "tabs\t\tand  spaces  ", "x");
		try (Connection connection = db.connect()) {
			upgrade(connection, BASE);
			upgrade(connection, COLUMNS);
			for (String body : bodies) {
				db.execute("INSERT INTO documents (title, body, embedding) VALUES ('t', '" + body
						+ "', array_fill(0.25, ARRAY[" + TextEmbedding.DIMENSIONS + "])::vector)");
			}
			upgrade(connection, BACKFILL);
			Map<String, Integer> expected = new HashMap<>();
			bodies.forEach((body) -> expected.put(body, new NewDocument("t", body).wordCount()));
			assertThat(wordCounts(connection)).isEqualTo(expected);
			assertThat(bodies.stream().map(expected::get)).containsExactly(1, 2, 3, 3, 1);
			downgrade(connection, BACKFILL);
			Map<String, Integer> cleared = new HashMap<>();
			bodies.forEach((body) -> cleared.put(body, null));
			assertThat(wordCounts(connection)).isEqualTo(cleared);
		}
	}

	@Test
	void indexRevisionCanRunAgainAndReplacesAnInvalidIndex() throws Exception {
		try (Connection connection = db.connect()) {
			RevisionFiles.upgradeAll(connection);
			List<String> upgraded = Catalog.dump(connection);
			// What a failed CREATE INDEX CONCURRENTLY leaves behind: an index marked invalid.
			db.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'documents_embedding_hnsw_idx'::regclass");
			assertThat(Catalog.dump(connection)).anyMatch((line) -> line.endsWith("INVALID"));
			upgrade(connection, INDEX);
			assertThat(Catalog.dump(connection)).isEqualTo(upgraded);
		}
	}

	private static Map<String, Integer> wordCounts(Connection connection) throws SQLException {
		Map<String, Integer> counts = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT body, word_count FROM documents")) {
			while (rs.next()) {
				String body = rs.getString(1);
				int count = rs.getInt(2);
				counts.put(body, rs.wasNull() ? null : count);
			}
		}
		return counts;
	}

	private static void upgrade(Connection connection, String id) throws Exception {
		RevisionFile file = revision(id);
		RevisionFiles.run(connection, file, file.upgrade());
	}

	private static void downgrade(Connection connection, String id) throws Exception {
		RevisionFile file = revision(id);
		RevisionFiles.run(connection, file, file.downgrade());
	}

	private static RevisionFile revision(String id) throws Exception {
		List<RevisionFile> matching = new ArrayList<>();
		for (RevisionFile file : RevisionFiles.inUpgradeOrder()) {
			if (file.id().equals(id)) {
				matching.add(file);
			}
		}
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
