-- revision: f1fa9f47817a
-- down_revision: 6538672a90db
-- message: add tags
-- create_date: 2026-10-20 11:05:52

-- upgrade
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

-- downgrade
DROP TABLE document_tags;

DROP TABLE tags;
