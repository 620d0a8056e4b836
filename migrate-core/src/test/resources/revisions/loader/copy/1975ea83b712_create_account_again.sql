-- revision: 1975ea83b712
-- down_revision:

-- upgrade
CREATE TABLE account (id bigserial PRIMARY KEY);
