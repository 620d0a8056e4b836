-- revision: 55af2cb1c267
-- down_revision: ae1027a6acf
-- message: add another account column

-- upgrade
ALTER TABLE account ADD COLUMN status text;

-- downgrade
ALTER TABLE account DROP COLUMN status;
