-- crmkit schema 19: the change feed (issue 18). Every save, deletion and merge of a record of crm-core is written to
-- crm_change in the transaction of the change, without a position; a reader gives committed changes their per-tenant
-- positions under the lock of the tenant's row in crm_change_head, so that positions appear to readers in order
-- with no change committing later below one they have passed. Named consumers keep their positions in
-- crm_feed_consumer. The outbox (crm_outbox) is unchanged: its published_at stays the state of crmkit's own event
-- relay, so that a relay of an earlier version delivers as before, while other consumers follow the change feed.
create table crm_change (
    id             uuid                        not null,
    tenant_id      varchar(64)                 not null,
    feed_position  bigint,
    record_type    varchar(100)                not null,
    record_id      uuid                        not null,
    record_version bigint                      not null,
    kind           varchar(16)                 not null,
    merged_into    uuid,
    changed_at     timestamp(6) with time zone not null,
    -- the record's owner, territory and account after and before the change, for devices' subscriptions
    owner_id              uuid,
    territory_id          uuid,
    account_id            uuid,
    previous_owner_id     uuid,
    previous_territory_id uuid,
    previous_account_id   uuid,
    constraint crm_change_pk primary key (id),
    constraint crm_change_kind check (kind in ('SAVED', 'DELETED', 'MERGED'))
);

-- Readers read a tenant's changes in position order, all or of some record types.
create unique index crm_change_position on crm_change (tenant_id, feed_position);
create index crm_change_type_position on crm_change (tenant_id, record_type, feed_position);

-- A device's edit that conflicts with a central one is judged by the time of the record's last change.
create index crm_change_by_record on crm_change (tenant_id, record_id, changed_at);

-- Per tenant: the last position given, the position up to which retention discarded changes, and the random key
-- that signs the tenant's cursors.
create table crm_change_head (
    tenant_id       varchar(64) not null,
    last_position   bigint      not null,
    discarded_up_to bigint      not null,
    cursor_key      varchar(64) not null,
    constraint crm_change_head_pk primary key (tenant_id)
);

-- The durable positions of the tenants' named consumers of the change feed.
create table crm_feed_consumer (
    tenant_id     varchar(64)                 not null,
    name          varchar(100)                not null,
    feed_position bigint                      not null,
    moved_at      timestamp(6) with time zone not null,
    constraint crm_feed_consumer_pk primary key (tenant_id, name)
);
