-- revision: 5e1000000001
-- down_revision:
-- message: create note table

-- upgrade
CREATE TABLE note (id bigserial PRIMARY KEY, title text NOT NULL);

-- downgrade
DROP TABLE note;
