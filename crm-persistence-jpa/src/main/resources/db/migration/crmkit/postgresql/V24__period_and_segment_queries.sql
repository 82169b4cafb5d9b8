-- crmkit schema 24: queries that do not scan a tenant (issue 20).
--
-- A forecast reads only the deals of its period: the open deals expected to close in it (crm_opportunity_open_by_close)
-- and the deals won in it, which the close time, so far only in the JSON document, finds through a partial index of
-- the won deals. The amount, its currency and the probability override become query columns too, so that the
-- database sums the deals per pipeline, stage, owner, currency and probability and sends a few rows, not the deals.
-- The columns are filled from the documents of the deals already stored.
alter table crm_opportunity add column amount numeric(30, 12);
alter table crm_opportunity add column currency varchar(3);
alter table crm_opportunity add column probability_override integer;
alter table crm_opportunity add column closed_at timestamp(6) with time zone;
update crm_opportunity set
    amount = cast(document #>> '{amount,amount}' as numeric(30, 12)),
    currency = document #>> '{currency}',
    probability_override = cast(document #>> '{probabilityOverride}' as integer),
    closed_at = cast(document #>> '{closedAt}' as timestamp with time zone);

create index crm_opportunity_won_by_close on crm_opportunity (tenant_id, closed_at, id) where status = 'WON';

-- A segment of an owner or a territory is read in id order, a keyset page at a time (Segments.contactsIn): these
-- indexes give the page's rows from the cursor on, where the owner and territory indexes in name order would make
-- the database read all of the owner's contacts and sort them, or walk every contact in id order.
create index crm_contact_by_owner_in_id_order on crm_contact (tenant_id, owner_id, id);
create index crm_contact_by_territory_in_id_order on crm_contact (tenant_id, territory_id, id);
