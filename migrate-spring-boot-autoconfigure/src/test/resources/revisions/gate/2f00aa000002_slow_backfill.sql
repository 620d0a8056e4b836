-- revision: 2f00aa000002
-- down_revision: 1f00aa000001
-- message: slow backfill
-- create_date: 2026-11-21 10:00:00

-- upgrade
INSERT INTO item (name) VALUES ('first');
SELECT pg_sleep(4);
INSERT INTO item (name) VALUES ('second');

-- downgrade
DELETE FROM item;
