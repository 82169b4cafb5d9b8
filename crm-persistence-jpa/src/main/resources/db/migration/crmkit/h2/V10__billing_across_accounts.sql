-- crmkit schema 10: invoices and payments across accounts, for reports and analytics.
--
-- Billing lists the tenant's invoices by issue date or by due date, and its payments by the day received, in a date
-- range and a batch at a time after the last one read (keyset paging). Each list reads one range of its index; the
-- statuses asked for are filtered within that range. The issue date, so far only in the JSON document, becomes a
-- query column, filled from the documents of the invoices already stored (H2 has no JSON path: the document's
-- text, where the state record's issueDate is the first property of that name).

alter table crm_invoice add column issue_date date;
update crm_invoice set issue_date = cast(regexp_substr(cast(document as varchar),
    '"issueDate"\s*:\s*"([0-9-]+)"', 1, 1, '', 1) as date);
alter table crm_invoice alter column issue_date set not null;

create index crm_invoice_by_issue on crm_invoice (tenant_id, issue_date, number);
-- by due date: crm_invoice_open_by_due (V4) is already this index on H2 (on PostgreSQL it holds open invoices only)
create index crm_payment_by_received on crm_payment (tenant_id, received_on, id);
