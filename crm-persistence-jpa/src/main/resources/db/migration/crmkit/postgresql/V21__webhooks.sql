-- crmkit schema 21: webhooks (crm-workflow's Webhooks).
--
-- crm_webhook_subscription: one row per subscription (endpoint, secret, event types, field conditions, status) as
-- a JSON document; created_at orders a tenant's subscriptions.
-- crm_webhook_delivery: one row per change on its way to one subscription, as a JSON document holding the body
-- exactly as it is signed and posted. feed_position is the change's position in the tenant's change feed: a
-- subscription's deliveries go out in that order, and a change becomes one delivery per subscription at most
-- (crm_webhook_delivery_position: a second node reading the same change collides and reads on). The pending ones of
-- a subscription are read in feed order (crm_webhook_delivery_pending), the dead letters in feed order
-- (crm_webhook_delivery_status), and a person's erasure finds the deliveries of their records by record_id.
create table crm_webhook_subscription (
    tenant_id  varchar(64)                 not null,
    id         uuid                        not null,
    version    bigint                      not null,
    created_at timestamp(6) with time zone not null,
    document   jsonb                       not null,
    constraint crm_webhook_subscription_pk primary key (tenant_id, id)
);

create index crm_webhook_subscription_created on crm_webhook_subscription (tenant_id, created_at, id);

create table crm_webhook_delivery (
    tenant_id       varchar(64) not null,
    id              uuid        not null,
    version         bigint      not null,
    subscription_id uuid        not null,
    feed_position   bigint      not null,
    record_id       uuid        not null,
    status          varchar(16) not null,
    document        jsonb       not null,
    constraint crm_webhook_delivery_pk primary key (tenant_id, id),
    constraint crm_webhook_delivery_position unique (tenant_id, subscription_id, feed_position)
);

create index crm_webhook_delivery_pending on crm_webhook_delivery (tenant_id, subscription_id, feed_position)
    where status = 'PENDING';
create index crm_webhook_delivery_status on crm_webhook_delivery (tenant_id, status, feed_position, id);
create index crm_webhook_delivery_record on crm_webhook_delivery (tenant_id, record_id);
