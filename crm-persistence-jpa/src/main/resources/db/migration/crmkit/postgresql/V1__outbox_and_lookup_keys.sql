-- crmkit schema 1: the transactional outbox and the lookup keys of every aggregate.

-- One number per outbox event, in the order the events were appended.
create sequence crm_outbox_sequence start with 1 increment by 1;

-- Events written in the transaction of the change. id, aggregatetype, aggregateid, type and payload are the
-- columns Debezium's outbox event router reads; published_at is set by crmkit's relay once the host's listener
-- took the event.
create table crm_outbox (
    sequence_number bigint                      not null,
    id              uuid                        not null,
    tenant_id       varchar(64)                 not null,
    aggregatetype   varchar(100)                not null,
    aggregateid     varchar(100)                not null,
    type            varchar(100)                not null,
    event_class     varchar(300)                not null,
    payload         jsonb                       not null,
    occurred_at     timestamp(6) with time zone not null,
    recorded_at     timestamp(6) with time zone not null,
    published_at    timestamp(6) with time zone,
    constraint crm_outbox_pk primary key (sequence_number),
    constraint crm_outbox_event_id unique (id)
);

-- The relay reads the pending events in sequence order.
create index crm_outbox_pending on crm_outbox (sequence_number) where published_at is null;

-- The multi-valued query keys of every aggregate (a contact's emails, phones, tags, account links, ...), kept by
-- crmkit in the transaction that saves the aggregate. key_name says what the key is ('contact.email'); keys that
-- hold only for a while carry their first and last day (valid_to null: open-ended).
create table crm_lookup (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    record_id  uuid         not null,
    key_name   varchar(60)  not null,
    key_value  varchar(320) not null,
    valid_from date,
    valid_to   date,
    constraint crm_lookup_pk primary key (tenant_id, id)
);

create index crm_lookup_by_key on crm_lookup (tenant_id, key_name, key_value, record_id);
create index crm_lookup_by_record on crm_lookup (tenant_id, record_id);
