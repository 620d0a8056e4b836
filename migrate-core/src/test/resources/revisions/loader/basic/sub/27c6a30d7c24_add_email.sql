-- revision: 27c6a30d7c24
-- down_revision: 1975ea83b712
-- message: add email

-- upgrade
ALTER TABLE account ADD COLUMN email text;
