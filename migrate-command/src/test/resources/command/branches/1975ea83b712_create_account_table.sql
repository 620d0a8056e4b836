-- revision: 1975ea83b712
-- down_revision: 
-- message: create account table

-- upgrade
CREATE TABLE account (id int PRIMARY KEY, name text);

-- downgrade
DROP TABLE account;
