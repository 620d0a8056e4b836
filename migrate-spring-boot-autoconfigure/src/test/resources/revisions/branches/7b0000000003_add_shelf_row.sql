-- revision: 7b0000000003
-- down_revision: 7a0000000001
-- message: add shelf row

-- upgrade
ALTER TABLE shelf ADD COLUMN row_number int;

-- downgrade
ALTER TABLE shelf DROP COLUMN row_number;
