-- Running upgrade 1975ea83b712 -> 27c6a30d7c24, add cart table

CREATE TABLE IF NOT EXISTS cart (id serial PRIMARY KEY);

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_account_name ON account (name);

BEGIN;

UPDATE "migrate_version" SET version_num='27c6a30d7c24' WHERE "migrate_version".version_num = '1975ea83b712';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('27c6a30d7c24', 'upgrade', 'add cart table', '7109edaf1d015acf268bf2478c99c348a725b0420d4f19ac9a5d9f8db5b0a004', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running upgrade 1975ea83b712 -> ae1027a6acf, add last transaction column

BEGIN;

ALTER TABLE account ADD COLUMN last_tx timestamp without time zone;

INSERT INTO "migrate_version" (version_num) VALUES ('ae1027a6acf');

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('ae1027a6acf', 'upgrade', 'add last transaction column', '0aa12a6d015ec10b01e548208aea29f152caa4c1378df2ffd0411828afa0f300', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running upgrade ae1027a6acf, 27c6a30d7c24 -> 53fffde5ad5, merge heads

BEGIN;

DELETE FROM "migrate_version" WHERE "migrate_version".version_num = 'ae1027a6acf';

UPDATE "migrate_version" SET version_num='53fffde5ad5' WHERE "migrate_version".version_num = '27c6a30d7c24';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('53fffde5ad5', 'upgrade', 'merge heads', '92487cbc70aba84ea39da8601184a0c4a396e21076410109dd5b2f8948803a5a', now(), now(), 0, true, NULL, NULL);

COMMIT;
