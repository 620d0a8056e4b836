-- revision: 6538672a90db
-- down_revision: 544fdcc630fc
-- message: build HNSW index for cosine search concurrently
-- create_date: 2026-10-02 16:20:05
-- transactional: false

-- upgrade
-- CONCURRENTLY keeps documents writable while the index builds, and cannot run inside a
-- transaction. A build that fails or is interrupted leaves an INVALID index behind, which
-- IF NOT EXISTS alone would keep; dropping it first makes this revision safe to run again.
DROP INDEX CONCURRENTLY IF EXISTS documents_embedding_hnsw_idx;

CREATE INDEX CONCURRENTLY IF NOT EXISTS documents_embedding_hnsw_idx
	ON documents USING hnsw (embedding vector_cosine_ops);

-- downgrade
DROP INDEX CONCURRENTLY IF EXISTS documents_embedding_hnsw_idx;
