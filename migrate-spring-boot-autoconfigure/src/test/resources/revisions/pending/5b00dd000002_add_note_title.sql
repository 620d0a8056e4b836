-- revision: 5b00dd000002
-- down_revision: 5b00dd000001
-- message: add note title
-- create_date: 2026-11-21 10:00:00

-- upgrade
ALTER TABLE note ADD COLUMN title text;

-- downgrade
ALTER TABLE note DROP COLUMN title;
