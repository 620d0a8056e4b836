CREATE SCHEMA IF NOT EXISTS "ops";

CREATE TABLE IF NOT EXISTS "ops"."alembic_version" (
    version_num varchar(32) NOT NULL,
    CONSTRAINT "alembic_version_pkc" PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS "ops"."migrate_history" (
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

-- Running stamp_revision  -> 53fffde5ad5

BEGIN;

INSERT INTO "ops"."alembic_version" (version_num) VALUES ('53fffde5ad5');

INSERT INTO "ops"."migrate_history" (revision, direction, message, checksum, started_at, finished_at, execution_ms, success, error, instance) VALUES ('53fffde5ad5', 'stamp', 'merge heads', 'checksum-53fffde5ad5', now(), now(), 0, true, NULL, NULL);

COMMIT;
