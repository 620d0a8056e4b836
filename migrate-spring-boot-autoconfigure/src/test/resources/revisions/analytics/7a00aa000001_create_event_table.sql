-- revision: 7a00aa000001
-- down_revision:
-- message: create event table

-- upgrade
CREATE TABLE event (id bigserial PRIMARY KEY, kind text NOT NULL);

-- downgrade
DROP TABLE event;
