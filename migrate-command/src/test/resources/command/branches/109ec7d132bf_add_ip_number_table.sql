-- revision: 109ec7d132bf
-- down_revision: 3cac04ae8714
-- message: add ip number table

-- upgrade
CREATE TABLE ip_number (id int);

-- downgrade
DROP TABLE ip_number;
