-- revision: ae1027a6acf
-- down_revision: 1975ea83b712
-- message: add name index
-- transactional: false

-- Must be re-runnable: an interrupted CREATE INDEX CONCURRENTLY leaves an INVALID index.
-- upgrade
DROP INDEX CONCURRENTLY IF EXISTS account_name;
CREATE INDEX CONCURRENTLY account_name ON account (name);

-- downgrade
DROP INDEX CONCURRENTLY IF EXISTS account_name;
