-- Running downgrade 53fffde5ad5 -> ae1027a6acf, 27c6a30d7c24, merge heads

BEGIN;

INSERT INTO "migrate_version" (version_num) VALUES ('27c6a30d7c24');

UPDATE "migrate_version" SET version_num='ae1027a6acf' WHERE "migrate_version".version_num = '53fffde5ad5';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('53fffde5ad5', 'downgrade', 'merge heads', 'checksum-53fffde5ad5', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running downgrade ae1027a6acf -> 1975ea83b712, add last transaction column

BEGIN;

ALTER TABLE account DROP COLUMN last_tx;

DELETE FROM "migrate_version" WHERE "migrate_version".version_num = 'ae1027a6acf';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('ae1027a6acf', 'downgrade', 'add last transaction column', 'checksum-ae1027a6acf', now(), now(), 0, true, NULL, NULL);

COMMIT;

-- Running downgrade 27c6a30d7c24 -> 1975ea83b712, index account names

DROP INDEX CONCURRENTLY IF EXISTS ix_account_name;

BEGIN;

UPDATE "migrate_version" SET version_num='1975ea83b712' WHERE "migrate_version".version_num = '27c6a30d7c24';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('27c6a30d7c24', 'downgrade', 'index account names', 'checksum-27c6a30d7c24', now(), now(), 0, true, NULL, NULL);

COMMIT;
