-- revision: 1f00aa000001
-- down_revision: 
-- message: create item table
-- create_date: 2026-11-21 10:00:00

-- upgrade
CREATE TABLE item (id bigserial PRIMARY KEY, name text NOT NULL);

-- downgrade
DROP TABLE item;
