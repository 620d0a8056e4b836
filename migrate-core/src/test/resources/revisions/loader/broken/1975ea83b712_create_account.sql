-- revision: 1975ea83b712
-- down_revison:
-- message: create account table

-- upgrade
CREATE TABLE account (id bigserial PRIMARY KEY);
