-- crmkit schema 13: references of other systems (an ERP's customer number C-10045) on accounts, contacts, invoices,
-- payments, credit notes and opportunities. They are lookup keys like a contact's emails: key_name
-- '<record>.externalRef' ('account.externalRef'), key_value 'system/key' ('erp/C-10045'), found through
-- crm_lookup_by_key. No two records of a type and tenant share one: this index refuses the second even when two
-- transactions write it at once.
create unique index crm_lookup_external_ref on crm_lookup (tenant_id, key_name, key_value)
    where key_name like '%.externalRef';
