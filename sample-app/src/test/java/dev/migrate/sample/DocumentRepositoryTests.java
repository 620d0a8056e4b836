package dev.migrate.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import com.pgvector.PGvector;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link DocumentRepository} against a real PostgreSQL with pgvector, through a
 * Hikari pool as in the application, on the schema the revision files create (applied by
 * migrate's {@link Migrator}).
 */
class DocumentRepositoryTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	static final List<String> CORPUS = List.of(
			"Advisory locks in PostgreSQL: how replicas take turns migrating the schema",
			"Banana bread recipe with walnuts, cinnamon and brown sugar",
			"HNSW indexes for approximate nearest neighbour search with pgvector",
			"Running database migrations in a Kubernetes init container",
			"Readiness probes keep traffic away until the service is ready",
			"Hiking trails in the Alps during summer");

	private static HikariDataSource dataSource;

	private static DocumentRepository repository;

	private final TextEmbedding embedding = new TextEmbedding();

	@BeforeAll
	static void migrate() throws Exception {
		Migrator.create(db.dataSource(), MigrateSettings.builder().build()).upgrade("heads");
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(db.url());
		dataSource.setUsername(db.user());
		dataSource.setPassword(db.password());
		dataSource.setMaximumPoolSize(2);
		repository = repository(dataSource);
	}

	static DocumentRepository repository(javax.sql.DataSource dataSource) {
		return new DocumentRepository(JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new TextEmbedding());
	}

	@AfterAll
	static void closePool() {
		dataSource.close();
	}

	@BeforeEach
	void empty() {
		db.execute("TRUNCATE documents, tags RESTART IDENTITY CASCADE");
	}

	@Test
	void createStoresTheDocumentWithItsEmbeddingAndReadsItBack() {
		NewDocument document = new NewDocument("Vector search", "  pgvector adds\ta vector type\n", null,
				List.of("Postgres", "search", " postgres "));
		Document created = repository.create(document);
		assertThat(created.id()).isPositive();
		assertThat(created.title()).isEqualTo("Vector search");
		assertThat(created.body()).isEqualTo("  pgvector adds\ta vector type\n");
		assertThat(created.language()).isEqualTo("en");
		assertThat(created.wordCount()).isEqualTo(5);
		assertThat(created.tags()).containsExactly("postgres", "search");
		assertThat(created.views()).isZero();
		assertThat(created.createdAt()).isNotNull();
		assertThat(created.embedding()).containsExactly(this.embedding.embed(document.text()));
		assertThat(repository.find(created.id())).hasValueSatisfying((found) -> {
			assertThat(found.embedding()).containsExactly(created.embedding());
			assertThat(found.tags()).containsExactly("postgres", "search");
		});
	}

	@Test
	void documentsShareTags() {
		Document first = repository.create(new NewDocument("One", "first", "de", List.of("shared", "one")));
		Document second = repository.create(new NewDocument("Two", "second", "pt-BR", List.of("SHARED")));
		assertThat(first.tags()).containsExactly("one", "shared");
		assertThat(second.tags()).containsExactly("shared");
		assertThat(second.language()).isEqualTo("pt-BR");
		assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM tags").query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void findOfAMissingDocumentIsEmpty() {
		assertThat(repository.find(4242)).isEmpty();
		assertThat(repository.recordView(4242)).isFalse();
	}

	@Test
	void viewsAreCounted() {
		Document created = repository.create(new NewDocument("Counted", "viewed twice"));
		assertThat(repository.recordView(created.id())).isTrue();
		assertThat(repository.recordView(created.id())).isTrue();
		assertThat(repository.find(created.id())).hasValueSatisfying((found) -> assertThat(found.views()).isEqualTo(2));
	}

	@Test
	void cosineSearchReturnsTheNearestDocumentsFirstWithTheirDistances() {
		List<Document> documents = CORPUS.stream().map((title) -> repository.create(new NewDocument(title, title))).toList();
		List<SearchHit> hits = repository.search("bread with walnuts", DistanceMetric.COSINE, 3);
		assertThat(hits).hasSize(3);
		assertThat(hits.get(0).id()).isEqualTo(documents.get(1).id());
		assertThat(hits.get(0).title()).isEqualTo(CORPUS.get(1));
		assertThat(hits).extracting(SearchHit::distance).isSorted();
		float[] query = this.embedding.embed("bread with walnuts");
		for (SearchHit hit : hits) {
			Document document = documents.stream().filter((d) -> d.id() == hit.id()).findFirst().orElseThrow();
			assertThat(hit.distance()).isCloseTo(TextEmbeddingTests.cosineDistance(query, document.embedding()),
					within(1e-5));
		}
		assertThat(repository.search("nearest neighbour index pgvector", DistanceMetric.COSINE, 1))
			.extracting(SearchHit::title)
			.containsExactly(CORPUS.get(2));
	}

	@Test
	void searchForADocumentsOwnTextFindsItAtDistanceZero() {
		CORPUS.forEach((title) -> repository.create(new NewDocument(title, title)));
		String text = CORPUS.get(4) + "\n" + CORPUS.get(4);
		List<SearchHit> hits = repository.search(text, DistanceMetric.COSINE, 5);
		assertThat(hits.get(0).title()).isEqualTo(CORPUS.get(4));
		assertThat(hits.get(0).distance()).isCloseTo(0, within(1e-6));
	}

	@Test
	void l2SearchRanksNormalisedEmbeddingsAsCosineDoes() {
		CORPUS.forEach((title) -> repository.create(new NewDocument(title, title)));
		List<SearchHit> cosine = repository.search("migrations in kubernetes", DistanceMetric.COSINE, 6);
		List<SearchHit> l2 = repository.search("migrations in kubernetes", DistanceMetric.L2, 6);
		assertThat(l2).extracting(SearchHit::id).containsExactlyElementsOf(cosine.stream().map(SearchHit::id).toList());
		assertThat(l2.get(0).title()).isEqualTo(CORPUS.get(3));
		for (int i = 0; i < l2.size(); i++) {
			// For unit vectors |a - b|^2 = 2 (1 - cos).
			assertThat(l2.get(i).distance()).isCloseTo(Math.sqrt(2 * cosine.get(i).distance()), within(1e-5));
		}
	}

	@Test
	void cosineSearchCanUseTheHnswIndexAndL2SearchCannot() throws Exception {
		CORPUS.forEach((title) -> repository.create(new NewDocument(title, title)));
		assertThat(plan(DistanceMetric.COSINE)).contains("Index Scan using documents_embedding_hnsw_idx");
		assertThat(plan(DistanceMetric.L2)).doesNotContain("documents_embedding_hnsw_idx");
	}

	@Test
	void searchRejectsALimitOutOfRangeAndAQueryWithoutWords() {
		assertThatIllegalArgumentException().isThrownBy(() -> repository.search("x", DistanceMetric.COSINE, 0))
			.withMessage("Limit is 0; expected a number from 1 to 20");
		assertThatIllegalArgumentException().isThrownBy(() -> repository.search("x", DistanceMetric.COSINE, 21))
			.withMessage("Limit is 21; expected a number from 1 to 20");
		assertThatIllegalArgumentException().isThrownBy(() -> repository.search("  ", DistanceMetric.COSINE, 5));
	}

	private String plan(DistanceMetric metric) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				// A handful of rows is cheaper to scan; make the planner show whether it could use the index.
				statement.execute("SET enable_seqscan = off");
			}
			StringBuilder plan = new StringBuilder();
			try (PreparedStatement statement = connection
				.prepareStatement("EXPLAIN " + DocumentRepository.searchSql(metric))) {
				statement.setObject(1, new PGvector(this.embedding.embed("schema migrations")));
				statement.setInt(2, 5);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("RESET enable_seqscan");
				}
			}
			return plan.toString();
		}
	}

}
