-- revision: 544fdcc630fc
-- down_revision: 7d6a72ea12bf
-- message: backfill word_count and make it required
-- create_date: 2026-09-16 10:41:27

-- upgrade
-- A word is a run of non-whitespace characters, as the application counts them.
UPDATE documents
SET word_count = (SELECT count(*) FROM regexp_matches(body, '\S+', 'g'))
WHERE word_count IS NULL;

ALTER TABLE documents ALTER COLUMN word_count SET NOT NULL;

ALTER TABLE documents ADD CONSTRAINT documents_word_count_check CHECK (word_count >= 0);

-- downgrade
ALTER TABLE documents DROP CONSTRAINT documents_word_count_check;

ALTER TABLE documents ALTER COLUMN word_count DROP NOT NULL;

UPDATE documents SET word_count = NULL;
