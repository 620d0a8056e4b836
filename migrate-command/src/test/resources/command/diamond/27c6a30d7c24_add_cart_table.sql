-- revision: 27c6a30d7c24
-- down_revision: 1975ea83b712
-- message: add cart table
-- create_date: 2026-11-21 10:10:00
-- transactional: false

-- upgrade
CREATE TABLE IF NOT EXISTS cart (id serial PRIMARY KEY);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_account_name ON account (name);

-- downgrade
DROP INDEX CONCURRENTLY IF EXISTS ix_account_name;
DROP TABLE IF EXISTS cart;
