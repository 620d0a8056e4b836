BEGIN;

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

CREATE TABLE account (
    id bigserial PRIMARY KEY,
    name varchar(50) NOT NULL
);

INSERT INTO "migrate_version" (version_num) VALUES ('1975ea83b712');

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('1975ea83b712', 'upgrade', 'create account table', 'checksum-1975ea83b712', now(), now(), 0, true, NULL, NULL);

-- Running upgrade 1975ea83b712 -> 27c6a30d7c24, index account names

COMMIT;

DROP INDEX CONCURRENTLY IF EXISTS ix_account_name;

CREATE INDEX CONCURRENTLY ix_account_name ON account (name);

BEGIN;

UPDATE "migrate_version" SET version_num='27c6a30d7c24' WHERE "migrate_version".version_num = '1975ea83b712';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('27c6a30d7c24', 'upgrade', 'index account names', 'checksum-27c6a30d7c24', now(), now(), 0, true, NULL, NULL);

-- Running upgrade 1975ea83b712 -> ae1027a6acf, add last transaction column

ALTER TABLE account ADD COLUMN last_tx timestamptz;

COMMENT ON COLUMN account.last_tx IS 'when it''s last used' -- shown in psql \d+
;

INSERT INTO "migrate_version" (version_num) VALUES ('ae1027a6acf');

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('ae1027a6acf', 'upgrade', 'add last transaction column', 'checksum-ae1027a6acf', now(), now(), 0, true, NULL, NULL);

-- Running upgrade ae1027a6acf, 27c6a30d7c24 -> 53fffde5ad5, merge heads

DELETE FROM "migrate_version" WHERE "migrate_version".version_num = 'ae1027a6acf';

UPDATE "migrate_version" SET version_num='53fffde5ad5' WHERE "migrate_version".version_num = '27c6a30d7c24';

INSERT INTO "migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('53fffde5ad5', 'upgrade', 'merge heads', 'checksum-53fffde5ad5', now(), now(), 0, true, NULL, NULL);

COMMIT;
