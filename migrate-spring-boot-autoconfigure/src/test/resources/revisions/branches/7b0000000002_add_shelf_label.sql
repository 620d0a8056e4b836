-- revision: 7b0000000002
-- down_revision: 7a0000000001
-- message: add shelf label

-- upgrade
ALTER TABLE shelf ADD COLUMN label text;

-- downgrade
ALTER TABLE shelf DROP COLUMN label;
