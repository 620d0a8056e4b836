package dev.migrate.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pgvector end to end: a revision creating the extension and a {@code vector(3)} column, and a
 * non-transactional revision building an HNSW index concurrently; both apply and downgrade.
 */
class PgvectorTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	@Test
	void vectorColumnAndConcurrentHnswIndexApplyAndDowngrade() {
		assertThat(db.hasPgvector()).as("the pgvector extension is available on the test server").isTrue();
		String schema = PostgresDatabase.uniqueName("v");
		RevisionDir revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("v1", "", "items with embeddings", true,
					"CREATE EXTENSION IF NOT EXISTS vector;\n"
							+ "CREATE TABLE item (id bigserial PRIMARY KEY, embedding vector(3) NOT NULL);\n"
							+ "INSERT INTO item (embedding) VALUES ('[1,2,3]'), ('[4,5,6]'), ('[1,1,1]')",
					"DROP TABLE item;\nDROP EXTENSION vector")
			.add("v2", "v1", "hnsw index", false,
					"DROP INDEX CONCURRENTLY IF EXISTS item_embedding_hnsw;\n"
							+ "CREATE INDEX CONCURRENTLY item_embedding_hnsw ON item USING hnsw (embedding vector_l2_ops)",
					"DROP INDEX CONCURRENTLY IF EXISTS item_embedding_hnsw");
		Migrator migrator = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(revisions.location()).schema(schema).build());
		assertThat(migrator.upgrade("heads").completed()).containsExactly("v1", "v2");
		assertThat(Queries.value(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
				+ schema + ".item'::regclass AND attname = 'embedding'")).isEqualTo(schema + ".vector(3)");
		assertThat(Queries.value(db, "SELECT am.amname || ' ' || i.indisvalid FROM pg_index i JOIN pg_class c ON "
				+ "c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE i.indexrelid = '" + schema
				+ ".item_embedding_hnsw'::regclass")).isEqualTo("hnsw true");
		assertThat(Queries.value(db, "SELECT id FROM " + schema + ".item ORDER BY embedding OPERATOR(" + schema
				+ ".<->) '[1,1,2]'::" + schema + ".vector LIMIT 1")).isEqualTo("3");
		assertThat(migrator.current()).containsExactly("v2");

		assertThat(migrator.downgrade("v1").completed()).containsExactly("v2");
		assertThat(Queries.exists(db, schema + ".item_embedding_hnsw")).isFalse();
		assertThat(migrator.current()).containsExactly("v1");
		assertThat(migrator.downgrade("base").completed()).containsExactly("v1");
		assertThat(Queries.exists(db, schema + ".item")).isFalse();
		assertThat(Queries.value(db, "SELECT count(*) FROM pg_extension WHERE extname = 'vector'")).isEqualTo("0");
		assertThat(migrator.upgrade("heads").completed()).containsExactly("v1", "v2");
	}

}
