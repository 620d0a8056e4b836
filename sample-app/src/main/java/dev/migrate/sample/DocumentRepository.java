package dev.migrate.sample;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.pgvector.PGvector;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores documents with their embeddings in PostgreSQL and finds the nearest ones with
 * pgvector.
 *
 * <p>
 * Embeddings are sent as {@link PGvector} parameters (pgjdbc binds any {@code PGobject} with
 * {@code setObject}, so pooled connections need no type registration) and read back from the
 * {@code vector} column's text form.
 */
@Component
public final class DocumentRepository {

	/** Largest number of search results; HNSW index scans return at most {@code hnsw.ef_search} (40) rows. */
	public static final int MAX_LIMIT = 20;

	private static final String SELECT_DOCUMENT = """
			SELECT d.id, d.title, d.body, d.language, d.word_count, d.created_at, d.embedding,
				ARRAY(SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
					WHERE dt.document_id = d.id ORDER BY t.name) AS tags,
				(SELECT count(*) FROM document_views v WHERE v.document_id = d.id) AS views
			FROM documents d
			WHERE d.id = ?
			""";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final TextEmbedding embedding;

	DocumentRepository(JdbcClient jdbc, TransactionOperations transactions, TextEmbedding embedding) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.embedding = embedding;
	}

	/**
	 * Stores a document with its tags in one transaction, computing its embedding and word
	 * count.
	 * @param document the document to store
	 * @return the stored document
	 */
	public Document create(NewDocument document) {
		PGvector vector = new PGvector(this.embedding.embed(document.text()));
		Long id = this.transactions.execute((status) -> {
			long created = this.jdbc.sql("""
					INSERT INTO documents (title, body, language, word_count, embedding)
					VALUES (?, ?, ?, ?, ?)
					RETURNING id
					""")
				.params(document.title(), document.body(), document.language(), document.wordCount(), vector)
				.query(Long.class)
				.single();
			if (!document.tags().isEmpty()) {
				String[] tags = document.tags().toArray(String[]::new);
				this.jdbc.sql("INSERT INTO tags (name) SELECT unnest(?::text[]) ON CONFLICT (name) DO NOTHING")
					.param(tags)
					.update();
				this.jdbc.sql("""
						INSERT INTO document_tags (document_id, tag_id)
						SELECT ?, id FROM tags WHERE name = ANY (?::text[])
						""").params(created, tags).update();
			}
			return created;
		});
		return find(id).orElseThrow();
	}

	/**
	 * Finds a document by id.
	 * @param id the id
	 * @return the document, or empty if there is none with that id
	 */
	public Optional<Document> find(long id) {
		return this.jdbc.sql(SELECT_DOCUMENT).param(id).query(DocumentRepository::document).optional();
	}

	/**
	 * Records that a document was fetched.
	 * @param id the document's id
	 * @return whether a document with that id exists
	 */
	public boolean recordView(long id) {
		return this.jdbc.sql("INSERT INTO document_views (document_id) SELECT id FROM documents WHERE id = ?")
			.param(id)
			.update() == 1;
	}

	/**
	 * Finds the documents nearest to a query text.
	 * @param query the text to search for
	 * @param metric how to measure distance
	 * @param limit the largest number of results, 1 to {@value #MAX_LIMIT}
	 * @return the nearest documents, nearest first
	 * @throws IllegalArgumentException if the limit is out of range or the query has no words
	 */
	public List<SearchHit> search(String query, DistanceMetric metric, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException(
					"Limit is " + limit + "; expected a number from 1 to " + MAX_LIMIT);
		}
		PGvector vector = new PGvector(this.embedding.embed(query));
		return this.jdbc.sql(searchSql(metric))
			.params(vector, limit)
			.query((rs, row) -> new SearchHit(rs.getLong("id"), rs.getString("title"), rs.getString("language"),
					rs.getDouble("distance")))
			.list();
	}

	/**
	 * The search query for a metric: parameters are the query's embedding and the limit. The
	 * operator comes from the enum, never from the request.
	 */
	static String searchSql(DistanceMetric metric) {
		return """
				SELECT id, title, language, embedding %s ? AS distance
				FROM documents
				ORDER BY distance
				LIMIT ?
				""".formatted(metric.operator());
	}

	private static Document document(ResultSet rs, int row) throws SQLException {
		return new Document(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("language"),
				rs.getInt("word_count"), strings(rs.getArray("tags")), rs.getLong("views"),
				rs.getObject("created_at", OffsetDateTime.class), new PGvector(rs.getString("embedding")).toArray());
	}

	private static List<String> strings(Array array) throws SQLException {
		try {
			return List.of((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

}
