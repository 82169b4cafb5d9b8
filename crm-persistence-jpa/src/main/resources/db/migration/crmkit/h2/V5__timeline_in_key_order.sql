-- crmkit schema 5: lookup keys that carry a time, so that a list in time order is read from their index.
--
-- An activity's keys (the records it concerns) carry the time it occurred: a timeline's page then reads the
-- subject's keys newest first from crm_lookup_in_time and only the activities of that page, and its total is
-- counted from the keys alone, whatever the length of the timeline.

alter table crm_lookup add column key_time timestamp(6) with time zone;

update crm_lookup k set key_time = (select a.occurred_at from crm_activity a where a.tenant_id = k.tenant_id and a.id = k.record_id)
    where k.key_name = 'activity.subject';

create index crm_lookup_in_time on crm_lookup (tenant_id, key_name, key_value, key_time desc, record_id desc);
