-- revision: 2a95102259be
-- down_revision: 29f859a13ea
-- depends_on: 55af2cb1c267
-- message: add ip account table

-- upgrade
CREATE TABLE ip_account (id int);

-- downgrade
DROP TABLE ip_account;
