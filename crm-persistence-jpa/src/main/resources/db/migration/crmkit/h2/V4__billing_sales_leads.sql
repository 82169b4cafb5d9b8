-- crmkit schema 4: billing (invoices, payments, credit notes), sales (pipelines, opportunities, quotas) and leads.
--
-- Same shape as every aggregate table (see V2): key (tenant_id, id), version, the state as a JSON document, and
-- copies of the values the queries filter and sort on. Statuses are stored as their enum names; numbers and names
-- that results are sorted by compare code point by code point, as crmkit does in memory.

-- Invoice numbers are unique per tenant.
create table crm_invoice (
    tenant_id  varchar(64)             not null,
    id         uuid                    not null,
    version    bigint                  not null,
    number     varchar(100) not null,
    account_id uuid                    not null,
    status     varchar(30)             not null,
    due_date   date                    not null,
    document   json                    not null,
    constraint crm_invoice_pk primary key (tenant_id, id),
    constraint crm_invoice_number unique (tenant_id, number)
);

create index crm_invoice_by_account on crm_invoice (tenant_id, account_id, due_date, number);
-- dunning's work list: open invoices by due date (PostgreSQL: a partial index of the open ones)
create index crm_invoice_open_by_due on crm_invoice (tenant_id, due_date, number);

create table crm_payment (
    tenant_id   varchar(64) not null,
    id          uuid        not null,
    version     bigint      not null,
    account_id  uuid        not null,
    received_on date        not null,
    document    json        not null,
    constraint crm_payment_pk primary key (tenant_id, id)
);

create index crm_payment_by_account on crm_payment (tenant_id, account_id, received_on, id);

-- Credit note numbers are unique per tenant.
create table crm_credit_note (
    tenant_id  varchar(64)             not null,
    id         uuid                    not null,
    version    bigint                  not null,
    number     varchar(100) not null,
    account_id uuid                    not null,
    invoice_id uuid,
    issue_date date                    not null,
    document   json                    not null,
    constraint crm_credit_note_pk primary key (tenant_id, id),
    constraint crm_credit_note_number unique (tenant_id, number)
);

create index crm_credit_note_by_account on crm_credit_note (tenant_id, account_id, issue_date, number);
create index crm_credit_note_by_invoice on crm_credit_note (tenant_id, invoice_id, issue_date, number);

-- A tenant has few pipelines; all of them are read in name order.
create table crm_pipeline (
    tenant_id varchar(64)             not null,
    id        uuid                    not null,
    version   bigint                  not null,
    name      varchar(200) not null,
    document  json                    not null,
    constraint crm_pipeline_pk primary key (tenant_id, id)
);

create index crm_pipeline_by_name on crm_pipeline (tenant_id, name, id);

-- close_order is the expected close date, or 9999-12-31 for deals without one (they come last).
create table crm_opportunity (
    tenant_id           varchar(64)                 not null,
    id                  uuid                        not null,
    version             bigint                      not null,
    owner_id            uuid,
    account_id          uuid,
    pipeline_id         uuid,
    stage_id            uuid,
    status              varchar(30)                 not null,
    expected_close_date date,
    close_order         date                        not null,
    created_at          timestamp(6) with time zone not null,
    document            json                        not null,
    constraint crm_opportunity_pk primary key (tenant_id, id)
);

create index crm_opportunity_by_owner on crm_opportunity (tenant_id, owner_id, close_order, id);
create index crm_opportunity_by_account on crm_opportunity (tenant_id, account_id, created_at, id);
create index crm_opportunity_by_pipeline on crm_opportunity (tenant_id, pipeline_id, status, close_order, id);
create index crm_opportunity_by_stage on crm_opportunity (tenant_id, stage_id, close_order, id);
-- open deals expected to close in a window (PostgreSQL: a partial index of the open ones)
create index crm_opportunity_open_by_close on crm_opportunity (tenant_id, status, expected_close_date, id);

-- A quota's holder is a user or a team (the other column is null); months are stored as their first day.
create table crm_quota (
    tenant_id      varchar(64) not null,
    id             uuid        not null,
    version        bigint      not null,
    holder_user_id uuid,
    holder_team_id uuid,
    first_month    date        not null,
    last_month     date        not null,
    document       json        not null,
    constraint crm_quota_pk primary key (tenant_id, id)
);

create index crm_quota_by_user on crm_quota (tenant_id, holder_user_id, first_month, last_month, id);
create index crm_quota_by_team on crm_quota (tenant_id, holder_team_id, first_month, last_month, id);
create index crm_quota_by_period on crm_quota (tenant_id, first_month, last_month, id);

create table crm_lead (
    tenant_id   varchar(64)                 not null,
    id          uuid                        not null,
    version     bigint                      not null,
    email_key   varchar(320),
    phone_key   varchar(20),
    owner_id    uuid,
    status      varchar(30)                 not null,
    captured_at timestamp(6) with time zone not null,
    document    json                        not null,
    constraint crm_lead_pk primary key (tenant_id, id)
);

create index crm_lead_by_email on crm_lead (tenant_id, email_key);
create index crm_lead_by_phone on crm_lead (tenant_id, phone_key);
create index crm_lead_by_owner on crm_lead (tenant_id, owner_id, status, captured_at, id);
create index crm_lead_by_status on crm_lead (tenant_id, status, captured_at, id);
