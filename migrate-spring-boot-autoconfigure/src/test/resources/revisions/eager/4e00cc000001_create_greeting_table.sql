-- revision: 4e00cc000001
-- down_revision: 
-- message: create greeting table
-- create_date: 2026-11-21 10:00:00

-- upgrade
CREATE TABLE greeting (id int PRIMARY KEY, text text NOT NULL);
INSERT INTO greeting VALUES (1, 'hello from a revision');

-- downgrade
DROP TABLE greeting;
