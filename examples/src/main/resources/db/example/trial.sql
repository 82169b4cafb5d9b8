-- The example host workflow's own table (org.crmkit.examples.trial.JpaTrialStore), beside crmkit's tables in the
-- same database: the host creates it with its own migrations, as it creates crmkit's.
create table example_trial (
    tenant_id  varchar(64) not null,
    id         uuid        not null,
    account_id uuid        not null,
    ends_on    date        not null,
    status     varchar(16) not null,
    version    bigint      not null,
    primary key (tenant_id, id)
);

create index example_trial_running_by_end on example_trial (tenant_id, status, ends_on);

create index example_trial_by_account on example_trial (tenant_id, account_id);
