-- crmkit schema 14: record visibility enforced in the queries (the sharing model, see docs/privacy-and-access.md).
--
-- A user's view of contacts, accounts, leads and opportunities adds one condition to every query: the owner among
-- the users whose records it sees, or the territory among its territories, or the record shared with the user or
-- one of its teams. Owners already have a column and indexes; a contact's territory, so far only in the JSON
-- document, becomes a query column with an index in name order, filled from the documents of the contacts already
-- stored (H2 has no JSON path: the document's text, where the state record's territory is the only top-level
-- property of that name and an id is written as {"value":"<uuid>"}). Explicit shares get their own table.

alter table crm_contact add column territory_id uuid;
update crm_contact set territory_id = cast(regexp_substr(cast(document as varchar),
    '"territory"\s*:\s*\{\s*"value"\s*:\s*"([0-9a-f-]{36})"', 1, 1, '', 1) as uuid);

create index crm_contact_by_territory on crm_contact (tenant_id, territory_id, last_name_key, first_name_key, id);

create table crm_record_share (
    tenant_id   varchar(64) not null,
    id          uuid        not null,
    record_type varchar(30) not null,
    record_id   uuid        not null,
    grantee_id  uuid        not null,
    access      varchar(20) not null,
    constraint crm_record_share_pk primary key (tenant_id, id)
);

create unique index crm_record_share_by_record on crm_record_share (tenant_id, record_id, grantee_id);
create index crm_record_share_by_grantee on crm_record_share (tenant_id, grantee_id, record_id);
