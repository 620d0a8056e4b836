-- revision: bed1700ec8c8
-- down_revision: f1fa9f47817a, 8156b7e89e38
-- message: merge tags and document views
-- create_date: 2026-10-22 08:30:00

-- upgrade

-- downgrade
