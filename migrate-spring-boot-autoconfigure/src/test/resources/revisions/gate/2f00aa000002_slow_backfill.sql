-- revision: 2f00aa000002
-- down_revision: 1f00aa000001
-- message: slow backfill
-- create_date: 2026-11-21 10:00:00

-- upgrade
INSERT INTO item (name) VALUES ('first');
-- Waits until the test has seen this revision running and inserts the gate row (a condition,
-- not a fixed sleep, so the test holds on a loaded machine too).
DO $$ BEGIN WHILE NOT EXISTS (SELECT 1 FROM item WHERE name = 'gate open') LOOP PERFORM pg_sleep(0.05); END LOOP; END $$;
INSERT INTO item (name) VALUES ('second');

-- downgrade
DELETE FROM item;
