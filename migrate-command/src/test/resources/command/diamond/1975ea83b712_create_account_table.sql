-- revision: 1975ea83b712
-- down_revision:
-- message: create account table
-- create_date: 2026-11-21 10:00:00

-- upgrade
CREATE TABLE account (
    id serial PRIMARY KEY,
    name varchar(50) NOT NULL
);

-- downgrade
DROP TABLE account;
