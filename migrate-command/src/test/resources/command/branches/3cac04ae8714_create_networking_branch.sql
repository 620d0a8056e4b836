-- revision: 3cac04ae8714
-- down_revision: 
-- branch_labels: networking
-- message: create networking branch

-- upgrade
CREATE TABLE network (id int);

-- downgrade
DROP TABLE network;
