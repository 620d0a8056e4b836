-- Running downgrade 53fffde5ad5 -> ae1027a6acf, 27c6a30d7c24, merge heads

BEGIN;

INSERT INTO "migrate_version" (version_num) VALUES ('27c6a30d7c24');

UPDATE "migrate_version" SET version_num='ae1027a6acf' WHERE "migrate_version".version_num = '53fffde5ad5';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('53fffde5ad5', 'downgrade', 'merge heads', '92487cbc70aba84ea39da8601184a0c4a396e21076410109dd5b2f8948803a5a', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running downgrade ae1027a6acf -> 1975ea83b712, add last transaction column

BEGIN;

ALTER TABLE account DROP COLUMN last_tx;

DELETE FROM "migrate_version" WHERE "migrate_version".version_num = 'ae1027a6acf';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('ae1027a6acf', 'downgrade', 'add last transaction column', '0aa12a6d015ec10b01e548208aea29f152caa4c1378df2ffd0411828afa0f300', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running downgrade 27c6a30d7c24 -> 1975ea83b712, add cart table

DROP INDEX CONCURRENTLY IF EXISTS ix_account_name;

DROP TABLE IF EXISTS cart;

BEGIN;

UPDATE "migrate_version" SET version_num='1975ea83b712' WHERE "migrate_version".version_num = '27c6a30d7c24';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('27c6a30d7c24', 'downgrade', 'add cart table', '7109edaf1d015acf268bf2478c99c348a725b0420d4f19ac9a5d9f8db5b0a004', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running downgrade 1975ea83b712 -> , create account table

BEGIN;

DROP TABLE account;

DELETE FROM "migrate_version" WHERE "migrate_version".version_num = '1975ea83b712';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('1975ea83b712', 'downgrade', 'create account table', '905588a78356a96889ca541ad253ce6820008e1e3c75f98cdd446c79c38dd54c', now(), now(), 0, true, NULL, NULL);

COMMIT;
