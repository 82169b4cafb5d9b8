-- crmkit schema 10: invoices and payments across accounts, for reports and analytics.
--
-- Billing lists the tenant's invoices by issue date or by due date, and its payments by the day received, in a date
-- range and a batch at a time after the last one read (keyset paging). Each list reads one range of its index; the
-- statuses asked for are filtered within that range. The issue date, so far only in the JSON document, becomes a
-- query column, filled from the documents of the invoices already stored.

alter table crm_invoice add column issue_date date;
update crm_invoice set issue_date = (document ->> 'issueDate')::date;
alter table crm_invoice alter column issue_date set not null;

create index crm_invoice_by_issue on crm_invoice (tenant_id, issue_date, number);
create index crm_invoice_by_due on crm_invoice (tenant_id, due_date, number);
create index crm_payment_by_received on crm_payment (tenant_id, received_on, id);
