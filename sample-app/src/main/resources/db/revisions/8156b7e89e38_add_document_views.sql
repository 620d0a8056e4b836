-- revision: 8156b7e89e38
-- down_revision: 6538672a90db
-- message: record document views
-- create_date: 2026-10-21 09:47:31

-- upgrade
CREATE TABLE document_views (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX document_views_document_id_idx ON document_views (document_id, viewed_at);

-- downgrade
DROP TABLE document_views;
