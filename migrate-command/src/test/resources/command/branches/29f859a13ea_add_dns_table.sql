-- revision: 29f859a13ea
-- down_revision: 109ec7d132bf
-- message: add DNS table

-- upgrade
CREATE TABLE dns (id int);

-- downgrade
DROP TABLE dns;
