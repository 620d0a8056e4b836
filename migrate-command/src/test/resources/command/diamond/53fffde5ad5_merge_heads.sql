-- revision: 53fffde5ad5
-- down_revision: ae1027a6acf, 27c6a30d7c24
-- message: merge heads
-- create_date: 2026-11-21 10:15:00

-- upgrade

-- downgrade
