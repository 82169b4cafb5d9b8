-- crmkit schema 6: crm-workflow's records (JpaWorkflowStore, JpaEnrolmentStore), in the transactions of crmkit's own.

-- The workflow outbox: every action a workflow planned, unique per tenant by its deduplication key. The payload is
-- the JSON of the payload record, payload_type its class. Dispatchers claim due rows with FOR UPDATE SKIP LOCKED
-- and set claimed_until (their lease); an expired lease makes the row claimable again.
create table crm_workflow_action (
    tenant_id         varchar(64)                 not null,
    id                uuid                        not null,
    version           bigint                      not null,
    workflow          varchar(100)                not null,
    deduplication_key varchar(300)                not null,
    subject           varchar(300)                not null,
    status            varchar(20)                 not null,
    attempts          integer                     not null,
    next_attempt_at   timestamp(6) with time zone not null,
    claimed_until     timestamp(6) with time zone,
    last_error        varchar(2000),
    created_at        timestamp(6) with time zone not null,
    finished_at       timestamp(6) with time zone,
    payload_type      varchar(300)                not null,
    payload           jsonb                       not null,
    constraint crm_workflow_action_pk primary key (tenant_id, id),
    constraint crm_workflow_action_key unique (tenant_id, deduplication_key)
);

-- the dispatchers' work list: pending actions by their next attempt
create index crm_workflow_action_claimable on crm_workflow_action (tenant_id, next_attempt_at, id)
    where status = 'PENDING';
create index crm_workflow_action_pending_by_subject on crm_workflow_action (tenant_id, subject, created_at, id)
    where status = 'PENDING';
create index crm_workflow_action_by_status on crm_workflow_action (tenant_id, status, created_at, id);

-- Dunning cases (aggregate shape, see V2). open_group_key is the group key while the case is open, null once it
-- closed: a group has at most one open case.
create table crm_dunning_case (
    tenant_id      varchar(64)                 not null,
    id             uuid                        not null,
    version        bigint                      not null,
    account_id     uuid                        not null,
    status         varchar(20)                 not null,
    open_group_key varchar(300),
    created_at     timestamp(6) with time zone not null,
    document       jsonb                       not null,
    constraint crm_dunning_case_pk primary key (tenant_id, id),
    constraint crm_dunning_case_open_group unique (tenant_id, open_group_key)
);

create index crm_dunning_case_by_account on crm_dunning_case (tenant_id, account_id, created_at, id);
create index crm_dunning_case_open on crm_dunning_case (tenant_id, id) where status = 'OPEN';

-- Disputed invoices and excluded accounts, one hold per record.
create table crm_dunning_hold (
    tenant_id    varchar(64)  not null,
    subject_type varchar(30)  not null,
    subject_id   uuid         not null,
    reason       varchar(500) not null,
    since        date         not null,
    constraint crm_dunning_hold_pk primary key (tenant_id, subject_type, subject_id)
);

-- Follow-up sequence enrolments. running_key is sequence and contact while the enrolment runs, null once it
-- completed or ended: a contact runs through a sequence once at a time.
create table crm_sequence_enrolment (
    tenant_id    varchar(64)                 not null,
    id           uuid                        not null,
    version      bigint                      not null,
    sequence_name varchar(100)               not null,
    contact_id   uuid                        not null,
    status       varchar(20)                 not null,
    next_step_at timestamp(6) with time zone not null,
    enrolled_at  timestamp(6) with time zone not null,
    running_key  varchar(200),
    document     jsonb                       not null,
    constraint crm_sequence_enrolment_pk primary key (tenant_id, id),
    constraint crm_sequence_enrolment_running unique (tenant_id, running_key)
);

create index crm_sequence_enrolment_due on crm_sequence_enrolment (tenant_id, next_step_at, id)
    where status = 'ACTIVE';
create index crm_sequence_enrolment_by_contact on crm_sequence_enrolment (tenant_id, contact_id, enrolled_at, id);
create index crm_sequence_enrolment_by_status on crm_sequence_enrolment (tenant_id, status, id);
