-- revision: ae1027a6acf
-- down_revision: 1975ea83b712
-- message: add last transaction column
-- create_date: 2026-11-21 10:05:00

-- upgrade
ALTER TABLE account ADD COLUMN last_tx timestamp without time zone;

-- downgrade
ALTER TABLE account DROP COLUMN last_tx;
