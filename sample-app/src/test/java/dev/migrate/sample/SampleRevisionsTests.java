package dev.migrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionLoader;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;
import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's revision files, loaded by migrate's {@link RevisionLoader} into a
 * {@link RevisionGraph}: the story they tell, and their SQL applied by the {@link Migrator}
 * against a real PostgreSQL with pgvector (upgrade, downgrade, upgrade again; branches in either
 * order; the backfill; re-running the concurrent index build).
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

	private final RevisionGraph graph = RevisionGraph
		.of(RevisionLoader.load(List.of(MigrateSettings.DEFAULT_LOCATION), null, null));

	private Migrator migrator;

	@BeforeEach
	void emptySchema() {
		db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		this.migrator = Migrator.create(db.dataSource(), MigrateSettings.builder().build());
	}

	@Test
	void revisionsComeFromTheDefaultLocationWithNamesMessagesAndDates() {
		assertThat(this.graph.revisions()).extracting(Revision::id)
			.containsExactly(BASE, COLUMNS, BACKFILL, INDEX, VIEWS, TAGS, MERGE);
		for (Revision revision : this.graph.revisions()) {
			assertThat(revision.id()).matches("[0-9a-f]{12}");
			assertThat(revision.source()).matches("classpath:db/revisions/" + revision.id() + "_[a-z0-9_]+\\.sql");
			assertThat(revision.message()).as(revision.source()).isNotBlank();
			assertThat(revision.createDate()).as(revision.source())
				.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		}
	}

	@Test
	void graphHasOneBaseTwoBranchesAndAMergeAsTheOnlyHead() {
		assertThat(this.graph.bases()).containsExactly(BASE);
		assertThat(this.graph.heads()).containsExactly(MERGE);
		assertThat(this.graph.isBranchPoint(INDEX)).isTrue();
		assertThat(this.graph.children(INDEX)).containsExactly(VIEWS, TAGS);
		assertThat(this.graph.get(MERGE).downRevisions()).containsExactly(TAGS, VIEWS);
		assertThat(this.graph.isMergePoint(MERGE)).isTrue();
	}

	@Test
	void onlyTheIndexRevisionRunsOutsideATransactionAndEveryRevisionCanBeDowngraded() {
		for (Revision revision : this.graph.revisions()) {
			assertThat(revision.transactional()).as(revision.source()).isEqualTo(!revision.id().equals(INDEX));
			assertThat(revision.isReversible()).as(revision.source()).isTrue();
			if (revision.id().equals(MERGE)) {
				assertThat(statements(revision.upgrade())).isEmpty();
				assertThat(statements(revision.downgrade())).isEmpty();
			}
			else {
				assertThat(statements(revision.upgrade())).as(revision.source()).isNotEmpty();
				assertThat(statements(revision.downgrade())).as(revision.source()).isNotEmpty();
			}
		}
		assertThat(statements(this.graph.get(INDEX).upgrade())).containsExactly(
				"DROP INDEX CONCURRENTLY IF EXISTS documents_embedding_hnsw_idx",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS documents_embedding_hnsw_idx\n"
						+ "\tON documents USING hnsw (embedding vector_cosine_ops)");
	}

	@Test
	void upgradeDowngradeUpgradeLeavesTheSameSchema() throws Exception {
		assertThat(schema()).isEmpty();
		assertThat(this.migrator.upgrade("heads").completed())
			.containsExactlyElementsOf(this.graph.revisions().stream().map(Revision::id).toList());
		List<String> upgraded = schema();
		assertThat(upgraded).contains("extension vector",
				"column documents.embedding vector(" + TextEmbedding.DIMENSIONS
						+ ") not null comment L2-normalised hashed word and trigram features of title and body",
				"column documents.word_count integer not null",
				"index CREATE INDEX documents_embedding_hnsw_idx ON public.documents USING hnsw (embedding vector_cosine_ops)",
				"column document_views.document_id bigint not null", "column tags.name character varying(64) not null");
		this.migrator.downgrade("base");
		assertThat(schema()).isEmpty();
		assertThat(this.migrator.current()).isEmpty();
		this.migrator.upgrade("heads");
		assertThat(schema()).isEqualTo(upgraded);
		assertThat(this.migrator.current()).containsExactly(MERGE);
	}

	@Test
	void branchesAppliedInEitherOrderGiveTheSameSchema() throws Exception {
		this.migrator.upgrade("heads");
		List<String> merged = schema();
		this.migrator.downgrade(INDEX);
		assertThat(this.migrator.current()).containsExactly(INDEX);
		List<String> beforeBranches = schema();
		// The planner applies the views branch first (smaller id); apply tags first instead.
		assertThat(this.migrator.upgrade(TAGS).completed()).containsExactly(TAGS);
		assertThat(this.migrator.upgrade(VIEWS).completed()).containsExactly(VIEWS);
		assertThat(this.migrator.current()).containsExactly(VIEWS, TAGS);
		assertThat(this.migrator.upgrade(MERGE).completed()).containsExactly(MERGE);
		assertThat(schema()).isEqualTo(merged);
		// Downgrading to one branch's revision unmerges: both branches stay.
		this.migrator.downgrade(TAGS);
		assertThat(this.migrator.current()).containsExactly(VIEWS, TAGS);
		assertThat(schema()).isEqualTo(merged);
		this.migrator.downgrade(INDEX);
		assertThat(schema()).isEqualTo(beforeBranches);
	}

	@Test
	void backfillCountsWordsAsTheApplicationDoesAndDowngradeClearsThem() throws Exception {
		List<String> bodies = List.of("one", "  two words  ", "three\twords\nhere", "tabs\t\tand  spaces  ", "x");
		this.migrator.upgrade(COLUMNS);
		for (String body : bodies) {
			db.execute("INSERT INTO documents (title, body, embedding) VALUES ('t', '" + body
					+ "', array_fill(0.25, ARRAY[" + TextEmbedding.DIMENSIONS + "])::vector)");
		}
		this.migrator.upgrade(BACKFILL);
		Map<String, Integer> expected = new HashMap<>();
		bodies.forEach((body) -> expected.put(body, new NewDocument("t", body).wordCount()));
		assertThat(wordCounts()).isEqualTo(expected);
		assertThat(bodies.stream().map(expected::get)).containsExactly(1, 2, 3, 3, 1);
		this.migrator.downgrade(COLUMNS);
		Map<String, Integer> cleared = new HashMap<>();
		bodies.forEach((body) -> cleared.put(body, null));
		assertThat(wordCounts()).isEqualTo(cleared);
	}

	@Test
	void indexRevisionReplacesTheInvalidIndexAFailedBuildLeftBehind() throws Exception {
		this.migrator.upgrade(INDEX);
		List<String> indexed = schema();
		this.migrator.downgrade(BACKFILL);
		// What an interrupted CREATE INDEX CONCURRENTLY leaves behind: an index marked invalid,
		// while the revision is not recorded as applied.
		db.execute("CREATE INDEX documents_embedding_hnsw_idx ON documents USING hnsw (embedding vector_cosine_ops);"
				+ "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'documents_embedding_hnsw_idx'::regclass");
		assertThat(schema()).anyMatch((line) -> line.endsWith("INVALID"));
		assertThat(this.migrator.upgrade(INDEX).completed()).containsExactly(INDEX);
		assertThat(schema()).isEqualTo(indexed);
	}

	private static List<String> statements(RevisionScript script) {
		return ((RevisionScript.Sql) script).statements().stream().map(SqlStatement::sql).toList();
	}

	/** The schema without migrate's own tables. */
	private static List<String> schema() throws SQLException {
		try (Connection connection = db.connect()) {
			return Catalog.dump(connection).stream().filter((line) -> !line.contains("migrate_")).toList();
		}
	}

	private static Map<String, Integer> wordCounts() throws SQLException {
		Map<String, Integer> counts = new HashMap<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT body, word_count FROM documents")) {
			while (rs.next()) {
				String body = rs.getString(1);
				int count = rs.getInt(2);
				counts.put(body, rs.wasNull() ? null : count);
			}
		}
		return counts;
	}

}
