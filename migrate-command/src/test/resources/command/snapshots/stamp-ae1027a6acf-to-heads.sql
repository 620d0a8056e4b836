-- Running stamp_revision ae1027a6acf -> 53fffde5ad5

BEGIN;

UPDATE "migrate_version" SET version_num='53fffde5ad5' WHERE "migrate_version".version_num = 'ae1027a6acf';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('53fffde5ad5', 'stamp', 'merge heads', '92487cbc70aba84ea39da8601184a0c4a396e21076410109dd5b2f8948803a5a', now(), now(), 0, true, NULL, NULL);

COMMIT;
