-- crmkit schema 15: privacy (subject access, erasure) and the audit trail.
--
-- The audit trail: one row per field of a record that changed, who changed it and when, for the record types the
-- host chose (Crm.Builder.auditTrail). Read per record, newest first, a page at a time through
-- crm_audit_trail_by_record. An erasure sets old_value and new_value to null (values_erased) where they held a
-- person's data, and keeps who changed which field when.
create table crm_audit_trail (
    tenant_id     varchar(64)   not null,
    id            uuid          not null,
    record_type   varchar(30)   not null,
    record_id     uuid          not null,
    field         varchar(100)  not null,
    old_value     varchar(2000),
    new_value     varchar(2000),
    changed_by    varchar(100)  not null,
    changed_at    timestamp(6) with time zone not null,
    values_erased boolean       not null,
    constraint crm_audit_trail_pk primary key (tenant_id, id)
);

create index crm_audit_trail_by_record on crm_audit_trail (tenant_id, record_type, record_id, changed_at desc, id desc);

-- A service case's contact becomes a query column, so that a subject access export and an erasure find the cases
-- of a contact (CaseRepository.findByContact) through one index; filled from the documents of the cases stored
-- before.
alter table crm_case add column contact_id uuid;
update crm_case set contact_id = (document -> 'contact' ->> 'value')::uuid;

create index crm_case_by_contact on crm_case (tenant_id, contact_id, opened_at desc, id desc);
