-- crmkit schema 27: a morning's dunning reads only the cases that can be due, and a step appends to a case's history
-- instead of rewriting it.
--
-- A case keeps the day its next step falls due (DunningCaseState.nextStepOn, null when none can come by time alone),
-- so that a run reads the open cases due by an index range. Each open case's items are rows too, with the version of
-- the invoice the case last looked at: a run reads the cases whose invoices changed since (a version that differs, an
-- invoice that is gone) and the overdue invoices that are in no open case, without reading the others. A case's
-- audit history is kept as rows, one per entry, appended as the case goes on; history_rows counts them.
--
-- Cases stored before keep their history in their document and have no item rows. Their next step is set to the day
-- they were created, so that the first run after the upgrade evaluates every open one once, which stores its item
-- rows, its next step and its history as rows (the document's entries first). A case never saved again (a closed
-- one) keeps its history in its document, where it is still read from. The script can run again: it leaves alone
-- what it finds done.
alter table crm_dunning_case add column if not exists next_step_on date;
alter table crm_dunning_case add column if not exists history_rows integer not null default 0;
update crm_dunning_case set next_step_on = cast(created_at as date) where status = 'OPEN' and next_step_on is null;

create index if not exists crm_dunning_case_open_by_next_step on crm_dunning_case (tenant_id, status, next_step_on, id);

create table if not exists crm_dunning_case_item (
    tenant_id       varchar(64) not null,
    case_id         uuid        not null,
    invoice_id      uuid        not null,
    -- null: the item has no version yet (which no invoice's version equals)
    invoice_version bigint,
    constraint crm_dunning_case_item_pk primary key (tenant_id, case_id, invoice_id)
);

create index if not exists crm_dunning_case_item_by_invoice on crm_dunning_case_item (tenant_id, invoice_id);

create table if not exists crm_dunning_case_event (
    tenant_id varchar(64) not null,
    case_id   uuid        not null,
    entry_no  integer     not null,
    entry     json        not null,
    constraint crm_dunning_case_event_pk primary key (tenant_id, case_id, entry_no)
);
