-- crmkit schema 26: campaign members apart from their campaigns (crm-core CampaignMemberRepository).
--
-- Until now a campaign kept its members (contacts and leads, with status and times) in its document, so that adding
-- a member or recording a response rewrote the whole list. crm_campaign_member holds one row per tenant, campaign
-- and member instead (member_id is the contact's or lead's id, member_type says which), with its own version, so that
-- a response writes its member's row alone and a campaign of a million members pages by key.
-- crm_campaign_member_by_member serves the campaigns of a contact or lead (merges, privacy exports, lead scoring).
--
-- The members stored so far move out of the campaign documents into the table (at version 1), their
-- 'campaign.member' lookup keys go, and the reporting view crm_report_campaign_member reads the table.
create table crm_campaign_member (
    tenant_id         varchar(64)                 not null,
    campaign_id       uuid                        not null,
    member_id         uuid                        not null,
    member_type       varchar(16)                 not null,
    version           bigint                      not null,
    status            varchar(30)                 not null,
    added_at          timestamp(6) with time zone not null,
    status_changed_at timestamp(6) with time zone not null,
    responded_at      timestamp(6) with time zone,
    constraint crm_campaign_member_pk primary key (tenant_id, campaign_id, member_id, member_type),
    constraint crm_campaign_member_type check (member_type in ('CONTACT', 'LEAD'))
);

create index crm_campaign_member_by_member on crm_campaign_member (tenant_id, member_id, member_type, campaign_id);

insert into crm_campaign_member
    (tenant_id, campaign_id, member_id, member_type, version, status, added_at, status_changed_at, responded_at)
select
    g.tenant_id,
    g.id,
    cast(m.document #>> '{member,id}' as uuid),
    m.document #>> '{member,type}',
    1,
    m.document #>> '{status}',
    cast(m.document #>> '{addedAt}' as timestamp with time zone),
    cast(m.document #>> '{statusChangedAt}' as timestamp with time zone),
    cast(m.document #>> '{respondedAt}' as timestamp with time zone)
from crm_campaign g
  cross join lateral jsonb_array_elements(g.document #> '{members}') as m(document)
where jsonb_typeof(g.document #> '{members}') = 'array';

update crm_campaign set document = document - 'members' where document #> '{members}' is not null;

delete from crm_lookup where key_name = 'campaign.member';

drop view if exists crm_report_campaign_member;

-- Campaign members: one row per member of a campaign.
create view crm_report_campaign_member as
select
    g.tenant_id,
    g.id as campaign_id,
    (g.document #>> '{name}') as campaign_name,
    g.status as campaign_status,
    m.member_type,
    m.member_id,
    m.status as member_status,
    m.added_at,
    m.status_changed_at,
    m.responded_at
from crm_campaign g
  join crm_campaign_member m on m.tenant_id = g.tenant_id and m.campaign_id = g.id;
