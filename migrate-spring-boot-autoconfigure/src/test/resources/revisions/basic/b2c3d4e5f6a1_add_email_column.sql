-- revision: b2c3d4e5f6a1
-- down_revision: a1b2c3d4e5f6
-- message: add email column
-- create_date: 2026-11-21 10:00:00

-- upgrade
ALTER TABLE account ADD COLUMN email text;

-- downgrade
ALTER TABLE account DROP COLUMN email;
