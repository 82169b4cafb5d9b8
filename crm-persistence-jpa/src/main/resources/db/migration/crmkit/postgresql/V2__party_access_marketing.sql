-- crmkit schema 2: parties (contacts, accounts), access (users, teams, territories), marketing (segments).
--
-- Every aggregate table has the key (tenant_id, id), the version that counts saves (optimistic locking), the
-- complete state as a JSON document, and copies of the values its queries filter and sort on. Columns for sorting
-- compare code point by code point (collate "C"), as crmkit does in memory, and serve prefix searches.

create table crm_contact (
    tenant_id      varchar(64)  not null,
    id             uuid         not null,
    version        bigint       not null,
    owner_id       uuid,
    last_name_key  varchar(200) collate "C" not null,
    first_name_key varchar(200) collate "C" not null,
    full_name_key  varchar(400) collate "C" not null,
    birthday       integer,
    customer_anniversary integer,
    document       jsonb not null,
    constraint crm_contact_pk primary key (tenant_id, id)
);

create index crm_contact_by_owner on crm_contact (tenant_id, owner_id, last_name_key, first_name_key, id);
create index crm_contact_by_name on crm_contact (tenant_id, last_name_key, first_name_key, id);
create index crm_contact_by_first_name on crm_contact (tenant_id, first_name_key);
create index crm_contact_by_full_name on crm_contact (tenant_id, full_name_key);
create index crm_contact_by_birthday on crm_contact (tenant_id, birthday);
create index crm_contact_by_customer_anniversary on crm_contact (tenant_id, customer_anniversary);

create table crm_account (
    tenant_id    varchar(64)  not null,
    id           uuid         not null,
    version      bigint       not null,
    name_key     varchar(400) not null,
    name_order   varchar(400) collate "C" not null,
    owner_id     uuid,
    territory_id uuid,
    document     jsonb not null,
    constraint crm_account_pk primary key (tenant_id, id)
);

create index crm_account_by_name on crm_account (tenant_id, name_key);
create index crm_account_by_owner on crm_account (tenant_id, owner_id, name_order, id);
create index crm_account_by_territory on crm_account (tenant_id, territory_id, name_order, id);

-- Access: users, teams, territories.

create table crm_user (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    version    bigint       not null,
    email_key  varchar(320) not null,
    name_order varchar(400) collate "C" not null,
    document   jsonb not null,
    constraint crm_user_pk primary key (tenant_id, id)
);

create index crm_user_by_email on crm_user (tenant_id, email_key, id);
create index crm_user_by_name on crm_user (tenant_id, name_order, id);

create table crm_team (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    version    bigint       not null,
    name_order varchar(400) collate "C" not null,
    document   jsonb not null,
    constraint crm_team_pk primary key (tenant_id, id)
);

create table crm_territory (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    version    bigint       not null,
    priority   integer      not null,
    name_order varchar(400) collate "C" not null,
    document   jsonb not null,
    constraint crm_territory_pk primary key (tenant_id, id)
);

create index crm_territory_by_priority on crm_territory (tenant_id, priority, name_order, id);

-- Marketing: segments.

create table crm_segment (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    version    bigint       not null,
    name_order varchar(400) collate "C" not null,
    document   jsonb not null,
    constraint crm_segment_pk primary key (tenant_id, id)
);

create index crm_segment_by_name on crm_segment (tenant_id, name_order, id);
