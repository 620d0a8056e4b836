-- revision: 6c00ee000001
-- down_revision: 
-- message: create job table
-- create_date: 2026-11-21 10:00:00

-- upgrade
CREATE TABLE job (id bigserial PRIMARY KEY);

-- downgrade
DROP TABLE job;
