-- revision: 7a0000000001
-- down_revision:
-- message: create shelf table

-- upgrade
CREATE TABLE shelf (id bigserial PRIMARY KEY);

-- downgrade
DROP TABLE shelf;
