-- revision: 27c6a30d7c24
-- down_revision: 1975ea83b712
-- branch_labels: shoppingcart
-- message: add shopping cart table

-- upgrade
CREATE TABLE cart (id int);

-- downgrade
DROP TABLE cart;
