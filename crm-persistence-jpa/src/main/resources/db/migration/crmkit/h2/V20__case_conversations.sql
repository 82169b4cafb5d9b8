-- crmkit schema 20: conversations of service cases (crm-workflow's CustomerService).
--
-- One row per case that came in through CustomerService: the conversation (every message in and out, the
-- service-level clock and milestones, the survey answer) as a JSON document, keyed by the case's id. reference is
-- the case's reference that threads a customer's later messages into it (unique per tenant); next_check_at is when
-- the service-level watch next has a warning or breach to handle (null when nothing is pending), read by
-- crm_case_conversation_due; opened_at serves the compliance report per period.
create table crm_case_conversation (
    tenant_id     varchar(64)                 not null,
    id            uuid                        not null,
    version       bigint                      not null,
    reference     varchar(20)                 not null,
    opened_at     timestamp(6) with time zone not null,
    next_check_at timestamp(6) with time zone,
    document      json                        not null,
    constraint crm_case_conversation_pk primary key (tenant_id, id),
    constraint crm_case_conversation_reference unique (tenant_id, reference)
);

create index crm_case_conversation_due on crm_case_conversation (tenant_id, next_check_at, id);
create index crm_case_conversation_opened on crm_case_conversation (tenant_id, opened_at, id);
