-- crmkit schema 17: views for reporting tools (docs/reporting-views.md). crmkit keeps each record as a JSON document
-- beside the columns its queries use; these views show the records as plain columns, one row per record (per line,
-- per tax rate, per campaign member), with the values crmkit's API returns: names and texts, the primary e-mail,
-- phone and postal address of accounts and contacts, invoice amounts computed as crmkit computes them (line nets and
-- tax per rate rounded half-even to the currency's minor unit). They read only; every row carries its tenant_id,
-- by which a report must filter.

-- Currencies whose minor unit is not the cent (Java's Currency.getDefaultFractionDigits); every other has 2 digits.
create view crm_report_currency_minor_unit as
select currency, digits, factor from (values
    ('ADP', 0, 1),
    ('BEF', 0, 1),
    ('BHD', 3, 1000),
    ('BIF', 0, 1),
    ('BYB', 0, 1),
    ('BYR', 0, 1),
    ('CLF', 4, 10000),
    ('CLP', 0, 1),
    ('DJF', 0, 1),
    ('ESP', 0, 1),
    ('GNF', 0, 1),
    ('GRD', 0, 1),
    ('IQD', 3, 1000),
    ('ISK', 0, 1),
    ('ITL', 0, 1),
    ('JOD', 3, 1000),
    ('JPY', 0, 1),
    ('KMF', 0, 1),
    ('KRW', 0, 1),
    ('KWD', 3, 1000),
    ('LUF', 0, 1),
    ('LYD', 3, 1000),
    ('MGF', 0, 1),
    ('OMR', 3, 1000),
    ('PTE', 0, 1),
    ('PYG', 0, 1),
    ('ROL', 0, 1),
    ('RWF', 0, 1),
    ('TND', 3, 1000),
    ('TPE', 0, 1),
    ('TRL', 0, 1),
    ('UGX', 0, 1),
    ('UYI', 0, 1),
    ('VND', 0, 1),
    ('VUV', 0, 1),
    ('XAF', 0, 1),
    ('XOF', 0, 1),
    ('XPF', 0, 1)) as c(currency, digits, factor);

-- Accounts: one row per account.
create view crm_report_account as
select
    a.tenant_id,
    a.id as account_id,
    (a.document #>> '{name}') as name,
    (a.document #>> '{details,legalName}') as legal_name,
    (a.document #>> '{details,industry}') as industry,
    (a.document #>> '{details,website}') as website,
    (a.document #>> '{details,taxId}') as tax_id,
    (select (p.document #>> '{value,value}') from jsonb_array_elements(a.document #> '{contactPoints,emails}') as p(document) where (p.document ->> 'primary') = 'true') as primary_email,
    (select (p.document #>> '{value,e164}') from jsonb_array_elements(a.document #> '{contactPoints,phones}') as p(document) where (p.document ->> 'primary') = 'true') as primary_phone,
    (select (p.document #>> '{value,streetLines,0}') from jsonb_array_elements(a.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as street_line_1,
    (select (p.document #>> '{value,streetLines,1}') from jsonb_array_elements(a.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as street_line_2,
    (select (p.document #>> '{value,postalCode}') from jsonb_array_elements(a.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as postal_code,
    (select (p.document #>> '{value,city}') from jsonb_array_elements(a.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as city,
    (select (p.document #>> '{value,region}') from jsonb_array_elements(a.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as region,
    (select (p.document #>> '{value,country,value}') from jsonb_array_elements(a.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as country,
    a.owner_id,
    (o.document #>> '{name}') as owner_name,
    cast(a.document #>> '{territory,value}' as uuid) as territory_id,
    (t.document #>> '{name}') as territory_name,
    cast(a.document #>> '{customerSince}' as date) as customer_since,
    cast(a.document #>> '{registeredAt}' as timestamp with time zone) as registered_at
from crm_account a
  left join crm_user o on o.tenant_id = a.tenant_id and o.id = a.owner_id
  left join crm_territory t on t.tenant_id = a.tenant_id and t.id = cast(a.document #>> '{territory,value}' as uuid);

-- Contacts: one row per contact.
create view crm_report_contact as
select
    c.tenant_id,
    c.id as contact_id,
    (c.document #>> '{name,salutation}') as salutation,
    (c.document #>> '{name,firstName}') as first_name,
    (c.document #>> '{name,middleName}') as middle_name,
    (c.document #>> '{name,lastName}') as last_name,
    (select (p.document #>> '{value,value}') from jsonb_array_elements(c.document #> '{contactPoints,emails}') as p(document) where (p.document ->> 'primary') = 'true') as primary_email,
    (select (p.document #>> '{value,e164}') from jsonb_array_elements(c.document #> '{contactPoints,phones}') as p(document) where (p.document ->> 'primary') = 'true') as primary_phone,
    (select (p.document #>> '{value,streetLines,0}') from jsonb_array_elements(c.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as street_line_1,
    (select (p.document #>> '{value,streetLines,1}') from jsonb_array_elements(c.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as street_line_2,
    (select (p.document #>> '{value,postalCode}') from jsonb_array_elements(c.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as postal_code,
    (select (p.document #>> '{value,city}') from jsonb_array_elements(c.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as city,
    (select (p.document #>> '{value,region}') from jsonb_array_elements(c.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as region,
    (select (p.document #>> '{value,country,value}') from jsonb_array_elements(c.document #> '{contactPoints,addresses}') as p(document) where (p.document ->> 'primary') = 'true') as country,
    c.owner_id,
    (o.document #>> '{name}') as owner_name,
    cast(c.document #>> '{territory,value}' as uuid) as territory_id,
    (t.document #>> '{name}') as territory_name,
    cast(c.document #>> '{customerSince}' as date) as customer_since,
    cast(c.document #>> '{registeredAt}' as timestamp with time zone) as registered_at
from crm_contact c
  left join crm_user o on o.tenant_id = c.tenant_id and o.id = c.owner_id
  left join crm_territory t on t.tenant_id = c.tenant_id and t.id = cast(c.document #>> '{territory,value}' as uuid);

-- Invoice lines: one row per line, with its net rounded half-even to the minor unit.
create view crm_report_invoice_line as
select
    i.tenant_id,
    i.id as invoice_id,
    l.x as line_number,
    (i.document #>> '{currency}') as currency,
    (l.document #>> '{description}') as description,
    cast(l.document #>> '{quantity}' as numeric) as quantity,
    cast(l.document #>> '{unitPrice,amount}' as numeric(19,4)) as unit_price,
    cast(l.document #>> '{taxRatePercent}' as numeric) as tax_rate_percent,
    cast((case when ((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100)) - floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))) > 0.5 then floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))) + 1 when ((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100)) - floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))) < 0.5 then floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))) when mod(floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))), 2) = 0 then floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))) else floor(((cast(l.document #>> '{quantity}' as numeric) * cast(l.document #>> '{unitPrice,amount}' as numeric)) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100))) + 1 end) / coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = (i.document #>> '{currency}')), 100) as numeric(19,4)) as net
from crm_invoice i
  cross join lateral jsonb_array_elements(i.document #> '{lines}') with ordinality as l(document, x);

-- Invoice tax per rate: the nets of the rate summed, the tax rounded half-even to the minor unit.
create view crm_report_invoice_tax as
select
    l.tenant_id,
    l.invoice_id,
    l.currency,
    l.tax_rate_percent,
    sum(l.net) as net,
    cast((case when ((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100)) - floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))) > 0.5 then floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))) + 1 when ((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100)) - floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))) < 0.5 then floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))) when mod(floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))), 2) = 0 then floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))) else floor(((sum(l.net) * l.tax_rate_percent / 100) * coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100))) + 1 end) / coalesce((select m.factor from crm_report_currency_minor_unit m where m.currency = l.currency), 100) as numeric(19,4)) as tax
from crm_report_invoice_line l
group by l.tenant_id, l.invoice_id, l.currency, l.tax_rate_percent;

-- Invoices: one row per invoice, with the amounts crmkit computes and the days overdue as of today.
create view crm_report_invoice as
select
    i.tenant_id,
    i.id as invoice_id,
    i.number,
    i.account_id,
    (a.document #>> '{name}') as account_name,
    i.status,
    i.issue_date,
    i.due_date,
    (i.document #>> '{currency}') as currency,
    cast(coalesce(x.net, 0) as numeric(19,4)) as net,
    cast(coalesce(x.tax, 0) as numeric(19,4)) as tax,
    cast((coalesce(x.net, 0) + coalesce(x.tax, 0)) as numeric(19,4)) as total,
    cast(coalesce(s.paid, 0) as numeric(19,4)) as paid,
    cast(coalesce(s.credited, 0) as numeric(19,4)) as credited,
    cast(i.document #>> '{writtenOff,amount}' as numeric(19,4)) as written_off,
    cast(case when i.status = 'VOID' then 0 else (coalesce(x.net, 0) + coalesce(x.tax, 0)) - coalesce(s.paid, 0) - coalesce(s.credited, 0) - coalesce(cast(i.document #>> '{writtenOff,amount}' as numeric(19,4)), 0) end as numeric(19,4)) as balance_due,
    case when i.status in ('ISSUED', 'PARTIALLY_PAID') and current_date > i.due_date then (current_date - i.due_date) else 0 end as days_overdue,
    cast(i.document #>> '{issuedAt}' as timestamp with time zone) as issued_at
from crm_invoice i
  left join crm_account a on a.tenant_id = i.tenant_id and a.id = i.account_id
  left join (select tenant_id, invoice_id, sum(net) as net, sum(tax) as tax from crm_report_invoice_tax
    group by tenant_id, invoice_id) x on x.tenant_id = i.tenant_id and x.invoice_id = i.id
  left join (select i.tenant_id, i.id as invoice_id,
      sum(case when (s.document #>> '{kind}') = 'PAYMENT' then cast(s.document #>> '{amount,amount}' as numeric(19,4)) else 0 end) as paid,
      sum(case when (s.document #>> '{kind}') = 'CREDIT_NOTE' then cast(s.document #>> '{amount,amount}' as numeric(19,4)) else 0 end) as credited
    from crm_invoice i
      cross join lateral jsonb_array_elements(i.document #> '{settlements}') with ordinality as s(document, x)
    group by i.tenant_id, i.id) s on s.tenant_id = i.tenant_id and s.invoice_id = i.id;

-- Payments: one row per payment.
create view crm_report_payment as
select
    p.tenant_id,
    p.id as payment_id,
    p.account_id,
    (a.document #>> '{name}') as account_name,
    p.received_on,
    cast(p.document #>> '{amount,amount}' as numeric(19,4)) as amount,
    (p.document #>> '{amount,currency}') as currency,
    cast(coalesce(l.allocated, 0) as numeric(19,4)) as allocated,
    cast(cast(p.document #>> '{amount,amount}' as numeric(19,4)) - coalesce(l.allocated, 0) as numeric(19,4)) as unallocated,
    (p.document #>> '{method}') as method,
    (p.document #>> '{reference}') as reference,
    cast(p.document #>> '{recordedAt}' as timestamp with time zone) as recorded_at
from crm_payment p
  left join crm_account a on a.tenant_id = p.tenant_id and a.id = p.account_id
  left join (select p.tenant_id, p.id as payment_id, sum(cast(l.document #>> '{amount,amount}' as numeric(19,4))) as allocated
    from crm_payment p
      cross join lateral jsonb_array_elements(p.document #> '{allocations}') with ordinality as l(document, x)
    group by p.tenant_id, p.id) l on l.tenant_id = p.tenant_id and l.payment_id = p.id;

-- Opportunities: one row per deal, with its stage's name, probability and forecast category.
create view crm_report_opportunity as
select
    d.tenant_id,
    d.id as opportunity_id,
    (d.document #>> '{name}') as name,
    d.account_id,
    (a.document #>> '{name}') as account_name,
    d.pipeline_id,
    (pl.document #>> '{name}') as pipeline_name,
    d.stage_id,
    s.stage_name,
    d.status,
    cast(d.document #>> '{amount,amount}' as numeric(19,4)) as amount,
    (d.document #>> '{currency}') as currency,
    case d.status when 'WON' then 100 when 'LOST' then 0 else coalesce(cast(d.document #>> '{probabilityOverride}' as integer), s.probability) end as probability,
    s.forecast_category,
    d.expected_close_date,
    d.owner_id,
    (o.document #>> '{name}') as owner_name,
    d.created_at,
    cast(d.document #>> '{closedAt}' as timestamp with time zone) as closed_at,
    (d.document #>> '{closeReason}') as close_reason
from crm_opportunity d
  left join crm_account a on a.tenant_id = d.tenant_id and a.id = d.account_id
  left join crm_pipeline pl on pl.tenant_id = d.tenant_id and pl.id = d.pipeline_id
  left join (select pl.tenant_id, pl.id as pipeline_id,
      cast(st.document #>> '{id,value}' as uuid) as stage_id,
      (st.document #>> '{name}') as stage_name,
      cast(st.document #>> '{probabilityPercent}' as integer) as probability,
      (st.document #>> '{forecastCategory}') as forecast_category
    from crm_pipeline pl
      cross join lateral jsonb_array_elements(pl.document #> '{stages}') with ordinality as st(document, x)) s on s.tenant_id = d.tenant_id and s.pipeline_id = d.pipeline_id and s.stage_id = d.stage_id
  left join crm_user o on o.tenant_id = d.tenant_id and o.id = d.owner_id;

-- Activities: one row per activity (its first contact and first account; the API has every one).
create view crm_report_activity as
select
    v.tenant_id,
    v.id as activity_id,
    v.kind,
    (v.document #>> '{direction}') as direction,
    v.occurred_at,
    (v.document #>> '{subject}') as subject,
    (v.document #>> '{summary}') as summary,
    (v.document #>> '{outcome}') as outcome,
    cast(v.document #>> '{contacts,0,value}' as uuid) as contact_id,
    cast(v.document #>> '{accounts,0,value}' as uuid) as account_id,
    (v.document #>> '{loggedBy,displayName}') as logged_by,
    cast(v.document #>> '{loggedAt}' as timestamp with time zone) as logged_at
from crm_activity v;

-- Tasks: one row per task.
create view crm_report_task as
select
    k.tenant_id,
    k.id as task_id,
    (k.document #>> '{subject}') as subject,
    k.status,
    (k.document #>> '{priority}') as priority,
    k.due_at,
    k.assignee_id,
    (o.document #>> '{name}') as assignee_name,
    k.link_type,
    k.link_id,
    cast(k.document #>> '{createdAt}' as timestamp with time zone) as created_at,
    cast(k.document #>> '{completedAt}' as timestamp with time zone) as completed_at
from crm_task k
  left join crm_user o on o.tenant_id = k.tenant_id and o.id = k.assignee_id;

-- Service cases: one row per case.
create view crm_report_case as
select
    s.tenant_id,
    s.id as case_id,
    (s.document #>> '{subject}') as subject,
    s.account_id,
    cast(s.document #>> '{contact,value}' as uuid) as contact_id,
    (s.document #>> '{channel}') as channel,
    (s.document #>> '{category,value}') as category,
    (s.document #>> '{priority}') as priority,
    s.status,
    s.assignee_id,
    (o.document #>> '{name}') as assignee_name,
    s.opened_at,
    s.first_response_due_at,
    s.first_responded_at,
    s.resolution_due_at,
    s.resolved_at,
    cast(s.document #>> '{closedAt}' as timestamp with time zone) as closed_at
from crm_case s
  left join crm_user o on o.tenant_id = s.tenant_id and o.id = s.assignee_id;

-- Campaign members: one row per member of a campaign.
create view crm_report_campaign_member as
select
    g.tenant_id,
    g.id as campaign_id,
    (g.document #>> '{name}') as campaign_name,
    g.status as campaign_status,
    (m.document #>> '{member,type}') as member_type,
    cast(m.document #>> '{member,id}' as uuid) as member_id,
    (m.document #>> '{status}') as member_status,
    cast(m.document #>> '{addedAt}' as timestamp with time zone) as added_at,
    cast(m.document #>> '{statusChangedAt}' as timestamp with time zone) as status_changed_at,
    cast(m.document #>> '{respondedAt}' as timestamp with time zone) as responded_at
from crm_campaign g
  cross join lateral jsonb_array_elements(g.document #> '{members}') with ordinality as m(document, x);

