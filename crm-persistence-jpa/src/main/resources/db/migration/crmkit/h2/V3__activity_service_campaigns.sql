-- crmkit schema 3: the interaction history (activities, tasks), service cases and campaigns.
--
-- Same shape as every aggregate table (see V2): key (tenant_id, id), version, the state as a JSON document, and
-- copies of the values the queries filter and sort on. Statuses and kinds are stored as their enum names.

-- The records an activity concerns (its contacts, accounts and related records) are crm_lookup rows named
-- 'activity.subject'; the timeline finds them there and orders by occurred_at.
create table crm_activity (
    tenant_id   varchar(64)                 not null,
    id          uuid                        not null,
    version     bigint                      not null,
    kind        varchar(30)                 not null,
    occurred_at timestamp(6) with time zone not null,
    document    json                        not null,
    constraint crm_activity_pk primary key (tenant_id, id)
);

create table crm_task (
    tenant_id        varchar(64)                 not null,
    id               uuid                        not null,
    version          bigint                      not null,
    assignee_id      uuid                        not null,
    status           varchar(30)                 not null,
    due_at           timestamp(6) with time zone not null,
    link_type        varchar(30),
    link_id          uuid,
    reminder_at      timestamp(6) with time zone,
    reminder_sent_at timestamp(6) with time zone,
    document         json                        not null,
    constraint crm_task_pk primary key (tenant_id, id)
);

create index crm_task_by_assignee on crm_task (tenant_id, assignee_id, due_at, id);
create index crm_task_by_link on crm_task (tenant_id, link_id, due_at, id);
-- overdue tasks and tasks due in a window (PostgreSQL: a partial index of the active ones)
create index crm_task_active_by_due on crm_task (tenant_id, due_at, id);
create index crm_task_reminders_due on crm_task (tenant_id, reminder_at, id);

create table crm_case (
    tenant_id             varchar(64)                 not null,
    id                    uuid                        not null,
    version               bigint                      not null,
    account_id            uuid,
    assignee_id           uuid,
    status                varchar(30)                 not null,
    opened_at             timestamp(6) with time zone not null,
    first_response_due_at timestamp(6) with time zone not null,
    first_responded_at    timestamp(6) with time zone,
    resolution_due_at     timestamp(6) with time zone not null,
    resolved_at           timestamp(6) with time zone,
    document              json                        not null,
    constraint crm_case_pk primary key (tenant_id, id)
);

create index crm_case_by_assignee on crm_case (tenant_id, assignee_id, resolution_due_at, id);
create index crm_case_by_account on crm_case (tenant_id, account_id, opened_at desc, id desc);
-- cases breaching their service levels (PostgreSQL: a partial index of the open ones)
create index crm_case_open_by_resolution_due on crm_case (tenant_id, resolution_due_at, id);

-- A campaign's members (contacts and leads) are crm_lookup rows named 'campaign.member'.
create table crm_campaign (
    tenant_id    varchar(64) not null,
    id           uuid        not null,
    version      bigint      not null,
    status       varchar(30) not null,
    period_start date        not null,
    period_end   date        not null,
    document     json        not null,
    constraint crm_campaign_pk primary key (tenant_id, id)
);

create index crm_campaign_by_status on crm_campaign (tenant_id, status, period_start, id);
