-- revision: 3a00bb000002
-- down_revision: 3a00bb000001
-- message: broken revision
-- create_date: 2026-11-21 10:00:00

-- upgrade
ALTER TABLE purchase ADD COLUMN total numeric;
UPDATE purchase
   SET total = 0
 WHERE id IN (SELECT id FROM no_such_table);

-- downgrade
ALTER TABLE purchase DROP COLUMN total;
