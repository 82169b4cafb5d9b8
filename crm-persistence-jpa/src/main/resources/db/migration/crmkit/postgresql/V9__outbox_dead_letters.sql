-- crmkit schema 9: failed deliveries and dead letters of the outbox. The relay counts every failed delivery of a
-- pending event in delivery_attempts and keeps the last failure (exception class and message); at the last attempt
-- it sets dead_lettered_at, and the event is no longer pending until staff retry it (the columns back to 0 and null)
-- or discard it (discarded_at set; the row stays for the record).
alter table crm_outbox add column delivery_attempts integer not null default 0;
alter table crm_outbox add column last_failure varchar(2000);
alter table crm_outbox add column dead_lettered_at timestamp(6) with time zone;
alter table crm_outbox add column discarded_at timestamp(6) with time zone;

-- The relay reads the pending events (neither published nor dead letters) in sequence order.
drop index crm_outbox_pending;
create index crm_outbox_pending on crm_outbox (sequence_number) where published_at is null and dead_lettered_at is null;

-- Staff page through a tenant's dead letters in sequence order.
create index crm_outbox_dead_letters on crm_outbox (tenant_id, sequence_number)
    where dead_lettered_at is not null and discarded_at is null;
