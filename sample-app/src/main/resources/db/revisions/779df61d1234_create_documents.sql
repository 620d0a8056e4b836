-- revision: 779df61d1234
-- down_revision:
-- message: create documents table with a vector embedding
-- create_date: 2026-09-01 09:12:44

-- upgrade
-- pgvector is not a trusted extension: creating it needs a superuser (or a DBA creates it
-- beforehand, and IF NOT EXISTS makes this a no-op).
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	title text NOT NULL,
	body text NOT NULL,
	embedding vector(32) NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN documents.embedding IS 'L2-normalised hashed word and trigram features of title and body';

-- downgrade
DROP TABLE documents;
-- Fails (and so rolls back this downgrade) if objects outside this schema history still use it.
DROP EXTENSION IF EXISTS vector;
