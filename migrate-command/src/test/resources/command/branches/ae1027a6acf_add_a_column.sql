-- revision: ae1027a6acf
-- down_revision: 1975ea83b712
-- message: Add a column

-- upgrade
ALTER TABLE account ADD COLUMN last_transaction_date timestamp;

-- downgrade
ALTER TABLE account DROP COLUMN last_transaction_date;
