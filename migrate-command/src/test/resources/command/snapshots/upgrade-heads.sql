CREATE TABLE IF NOT EXISTS "migrate_version" (
    version_num varchar(32) NOT NULL,
    CONSTRAINT "migrate_version_pkc" PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS "migrate_history" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision varchar(32),
    direction varchar(16) NOT NULL,
    message text,
    checksum varchar(64),
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    execution_ms bigint NOT NULL,
    success boolean NOT NULL,
    error text,
    database_user text NOT NULL DEFAULT current_user,
    instance text
);

-- Running upgrade  -> 1975ea83b712, create account table

BEGIN;

CREATE TABLE account (
    id serial PRIMARY KEY,
    name varchar(50) NOT NULL
);

INSERT INTO "migrate_version" (version_num) VALUES ('1975ea83b712');

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('1975ea83b712', 'upgrade', 'create account table', '905588a78356a96889ca541ad253ce6820008e1e3c75f98cdd446c79c38dd54c', now(), now(), 0, true, NULL, NULL);

COMMIT;

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
