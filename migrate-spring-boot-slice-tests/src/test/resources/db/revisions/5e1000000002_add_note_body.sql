-- revision: 5e1000000002
-- down_revision: 5e1000000001
-- message: add note body

-- upgrade
ALTER TABLE note ADD COLUMN body text;

-- downgrade
ALTER TABLE note DROP COLUMN body;
