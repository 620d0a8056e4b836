package dev.migrate.sample;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link TextEmbedding}.
 */
class TextEmbeddingTests {

	private final TextEmbedding embedding = new TextEmbedding();

	@Test
	void sameTextGivesTheSameVector() {
		String text = "Advisory locks keep replicas from migrating twice";
		assertThat(this.embedding.embed(text)).containsExactly(this.embedding.embed(text));
		assertThat(new TextEmbedding().embed(text)).containsExactly(this.embedding.embed(text));
	}

	@Test
	void vectorsHaveTheColumnsDimensionsAndUnitLength() {
		for (String text : new String[] { "a", "PostgreSQL", "Ünïcödé wörds ça marche", "x".repeat(10_000),
				"one two three four five six seven eight nine ten eleven twelve" }) {
			float[] vector = this.embedding.embed(text);
			assertThat(vector).hasSize(TextEmbedding.DIMENSIONS);
			assertThat(norm(vector)).as(text).isCloseTo(1.0, within(1e-6));
		}
	}

	@Test
	void ignoresCaseAndPunctuation() {
		assertThat(this.embedding.embed("Hello, World!")).containsExactly(this.embedding.embed("hello world"));
		assertThat(this.embedding.embed("  vector\tsearch\n")).containsExactly(this.embedding.embed("vector search"));
	}

	@Test
	void similarTextsAreCloserThanUnrelatedOnes() {
		float[] query = this.embedding.embed("vector similarity search in PostgreSQL");
		float[] similar = this.embedding.embed("similarity search over vectors with PostgreSQL and pgvector");
		float[] unrelated = this.embedding.embed("banana bread recipe with walnuts and cinnamon");
		assertThat(cosineDistance(query, similar)).isLessThan(cosineDistance(query, unrelated));
	}

	@Test
	void shortQueriesFindTheirDocumentFirstAmongUnrelatedOnes() {
		List<String> documents = List.of(
				"Advisory locks in PostgreSQL: how replicas take turns migrating the schema",
				"Banana bread recipe with walnuts, cinnamon and brown sugar",
				"HNSW indexes for approximate nearest neighbour search with pgvector",
				"Running database migrations in a Kubernetes init container",
				"Tuning the JVM heap inside containers with MaxRAMPercentage",
				"Backfilling a new column in batches without locking the table",
				"Readiness probes keep traffic away until the service is ready",
				"Hiking trails in the Alps during summer",
				"Writing revision files with upgrade and downgrade sections",
				"Cosine distance versus Euclidean distance for embeddings",
				"Spring Boot actuator health groups and liveness",
				"Making sourdough bread at home with a starter");
		Map<String, Integer> queries = new LinkedHashMap<>();
		queries.put("which replica migrates the schema? advisory lock", 0);
		queries.put("schema migration lock", 0);
		queries.put("bread with walnuts", 1);
		queries.put("nearest neighbour index pgvector", 2);
		queries.put("migrations in kubernetes", 3);
		queries.put("init container", 3);
		queries.put("JVM heap in containers", 4);
		queries.put("backfill column without locking", 5);
		queries.put("readiness probe traffic", 6);
		queries.put("alps hiking", 7);
		queries.put("revision downgrade", 8);
		queries.put("cosine or euclidean distance", 9);
		queries.put("embedding distance", 9);
		queries.put("actuator health", 10);
		queries.put("sourdough starter", 11);
		queries.forEach((query, expected) -> {
			float[] vector = this.embedding.embed(query);
			String nearest = documents.stream()
				.min(Comparator.comparingDouble((document) -> cosineDistance(vector, this.embedding.embed(document))))
				.orElseThrow();
			assertThat(nearest).as(query).isEqualTo(documents.get(expected));
		});
	}

	@Test
	void sharedWordFragmentsCount() {
		float[] migration = this.embedding.embed("migrations");
		assertThat(cosineDistance(migration, this.embedding.embed("migration")))
			.isLessThan(cosineDistance(migration, this.embedding.embed("banana")));
	}

	@Test
	void staysStableAcrossReleasesBecauseStoredEmbeddingsDependOnIt() {
		// Changing the function means re-embedding every stored document: this pins it.
		assertThat(this.embedding.embed("pgvector")).containsExactly(expectedPgvector(), within(1e-6f));
	}

	@Test
	void rejectsTextWithoutLettersOrDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.embedding.embed(" ?! -- "))
			.withMessage("Text ' ?! -- ' has no letters or digits to embed; expected at least one word");
		assertThatIllegalArgumentException().isThrownBy(() -> this.embedding.embed(""));
	}

	private static float[] expectedPgvector() {
		// One word (weight 1) and eight trigrams (weight 0.5 each) in 0.5 units, over sqrt(14).
		float[] vector = new float[TextEmbedding.DIMENSIONS];
		float unit = (float) (1 / Math.sqrt(14));
		vector[0] = -unit;
		vector[4] = unit;
		vector[10] = unit;
		vector[11] = unit;
		vector[12] = -2 * unit;
		vector[18] = -unit;
		vector[26] = 2 * unit;
		vector[31] = -unit;
		return vector;
	}

	private static double norm(float[] vector) {
		double sum = 0;
		for (float component : vector) {
			sum += component * component;
		}
		return Math.sqrt(sum);
	}

	static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return 1 - dot / (norm(a) * norm(b));
	}

}
