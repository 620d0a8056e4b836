-- revision: 3a00bb000001
-- down_revision: 
-- message: create order table
-- create_date: 2026-11-21 10:00:00

-- upgrade
CREATE TABLE purchase (id bigserial PRIMARY KEY);

-- downgrade
DROP TABLE purchase;
