-- crmkit schema 13: references of other systems (an ERP's customer number C-10045) on accounts, contacts, invoices,
-- payments, credit notes and opportunities. They are lookup keys like a contact's emails: key_name
-- '<record>.externalRef' ('account.externalRef'), key_value 'system/key' ('erp/C-10045'), found through
-- crm_lookup_by_key. No two records of a type and tenant share one: H2 has no partial index, so a computed column
-- holds the key of external references only (null for every other key, and nulls do not collide) and a unique
-- index on it refuses the second even when two transactions write it at once.
alter table crm_lookup add column external_ref varchar(400)
    generated always as (case when key_name like '%.externalRef' then key_name || '=' || key_value end);

create unique index crm_lookup_external_ref on crm_lookup (tenant_id, external_ref);
