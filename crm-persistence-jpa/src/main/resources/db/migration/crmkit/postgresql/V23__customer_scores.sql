-- crmkit schema 23: the analytics' scores of customers (crm-core CustomerScoreRepository).
--
-- One row per scored account or contact (customer_id is the record's id, customer_type says which), replaced by
-- each refresh: the profit tier, the RFM segment and, when a purchase model was fitted, the lifetime value, the
-- probability that the customer still buys and the value at risk, all amounts in the row's currency.
-- crm_customer_score_by_tier serves a tenant's customers of one tier (segments, offers, reports).
create table crm_customer_score (
    tenant_id         varchar(64)      not null,
    id                uuid             not null,
    customer_type     varchar(16)      not null,
    as_of             date             not null,
    tier              varchar(16)      not null,
    currency          varchar(3)       not null,
    profit            numeric(30, 12)  not null,
    rfm_segment       varchar(100)     not null,
    lifetime_value    numeric(30, 12),
    probability_alive double precision,
    value_at_risk     numeric(30, 12),
    constraint crm_customer_score_pk primary key (tenant_id, id),
    constraint crm_customer_score_type check (customer_type in ('ACCOUNT', 'CONTACT')),
    constraint crm_customer_score_prediction check (
        (lifetime_value is null) = (probability_alive is null) and (lifetime_value is null) = (value_at_risk is null))
);

create index crm_customer_score_by_tier on crm_customer_score (tenant_id, tier, customer_type, id);
