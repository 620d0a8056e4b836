-- revision: 7d6a72ea12bf
-- down_revision: 779df61d1234
-- message: add language and word_count columns
-- create_date: 2026-09-15 14:03:10

-- upgrade
-- word_count stays nullable here: existing rows are backfilled by the next revision, which
-- then makes it NOT NULL (expand, backfill, contract).
ALTER TABLE documents
	ADD COLUMN language varchar(16) NOT NULL DEFAULT 'en',
	ADD COLUMN word_count integer;

-- downgrade
ALTER TABLE documents
	DROP COLUMN word_count,
	DROP COLUMN language;
