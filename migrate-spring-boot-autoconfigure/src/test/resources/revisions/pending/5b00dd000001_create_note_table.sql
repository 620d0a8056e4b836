-- revision: 5b00dd000001
-- down_revision: 
-- message: create note table
-- create_date: 2026-11-21 10:00:00

-- upgrade
CREATE TABLE note (id bigserial PRIMARY KEY, body text);

-- downgrade
DROP TABLE note;
