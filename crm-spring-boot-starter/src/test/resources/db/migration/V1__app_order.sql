-- The test application's own migration, beside crmkit's: it must be applied in the application's history, and
-- crmkit's (under db/migration/crmkit/) in crmkit's.
create table app_order (
    id         bigint primary key,
    account_id uuid   not null
);
