-- The schema the sample's revisions build, kept by hand. To change the schema, change this file,
-- then let migrate write the revision and review it:
--
--   java -jar target/sample-app.jar --migrate.locations=filesystem:src/main/resources/db/revisions \
--     --migrate.command="revision --autogenerate -m 'what changed' --to db/schema.sql"
--
-- With nothing to change it prints "No changes in schema detected."

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	title text NOT NULL,
	body text NOT NULL,
	embedding vector(32) NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	language varchar(16) NOT NULL DEFAULT 'en',
	word_count integer NOT NULL CONSTRAINT documents_word_count_check CHECK (word_count >= 0)
);

COMMENT ON COLUMN documents.embedding IS 'L2-normalised hashed word and trigram features of title and body';

CREATE INDEX documents_embedding_hnsw_idx ON documents USING hnsw (embedding vector_cosine_ops);

CREATE TABLE tags (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name varchar(64) NOT NULL UNIQUE
);

CREATE TABLE document_tags (
	document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
	PRIMARY KEY (document_id, tag_id)
);

CREATE INDEX document_tags_tag_id_idx ON document_tags (tag_id);

CREATE TABLE document_views (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX document_views_document_id_idx ON document_views (document_id, viewed_at);
