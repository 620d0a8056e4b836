-- revision: d747a8a8879
-- down_revision: 27c6a30d7c24
-- message: add a shopping cart column

-- upgrade
ALTER TABLE cart ADD COLUMN total numeric;

-- downgrade
ALTER TABLE cart DROP COLUMN total;
