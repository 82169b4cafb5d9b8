-- crmkit schema 26: campaign members apart from their campaigns (crm-core CampaignMemberRepository).
--
-- Until now a campaign kept its members (contacts and leads, with status and times) in its document, so that adding
-- a member or recording a response rewrote the whole list. crm_campaign_member holds one row per tenant, campaign
-- and member instead (member_id is the contact's or lead's id, member_type says which), with its own version, so that
-- a response writes its member's row alone and a campaign of a million members pages by key.
-- crm_campaign_member_by_member serves the campaigns of a contact or lead (merges, privacy exports, lead scoring).
--
-- The members stored so far move out of the campaign documents into the table (at version 1), their
-- 'campaign.member' lookup keys go, and the reporting view crm_report_campaign_member reads the table. H2 has no
-- JSON path functions: the members are read element by element over system_range as schema 17's view read them
-- (as many as the array's text holds of a property every member has), and the array is cut out of the document's
-- text (its elements hold no ']': ids, status names and times).
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
    cast(regexp_replace(nullif(cast((g.document)."members"[m.x]."member"."id" as varchar), 'null'), '^"(.*)"$', '$1') as uuid),
    regexp_replace(nullif(cast((g.document)."members"[m.x]."member"."type" as varchar), 'null'), '^"(.*)"$', '$1'),
    1,
    regexp_replace(nullif(cast((g.document)."members"[m.x]."status" as varchar), 'null'), '^"(.*)"$', '$1'),
    cast(regexp_replace(nullif(cast((g.document)."members"[m.x]."addedAt" as varchar), 'null'), '^"(.*)"$', '$1') as timestamp with time zone),
    cast(regexp_replace(nullif(cast((g.document)."members"[m.x]."statusChangedAt" as varchar), 'null'), '^"(.*)"$', '$1') as timestamp with time zone),
    cast(regexp_replace(nullif(cast((g.document)."members"[m.x]."respondedAt" as varchar), 'null'), '^"(.*)"$', '$1') as timestamp with time zone)
from crm_campaign g
  join system_range(1, (select coalesce(max(((char_length(coalesce(cast((w.document)."members" as varchar), '')) - char_length(replace(coalesce(cast((w.document)."members" as varchar), ''), '"statusChangedAt":', ''))) / 18)), 0) from crm_campaign w)) m on m.x <= ((char_length(coalesce(cast((g.document)."members" as varchar), '')) - char_length(replace(coalesce(cast((g.document)."members" as varchar), ''), '"statusChangedAt":', ''))) / 18);

update crm_campaign
set document = regexp_replace(cast(document as varchar), ',"members":\[[^\]]*\]', '') format json
where cast(document as varchar) like '%,"members":[%';

delete from crm_lookup where key_name = 'campaign.member';

drop view if exists crm_report_campaign_member;

-- Campaign members: one row per member of a campaign.
create view crm_report_campaign_member as
select
    g.tenant_id,
    g.id as campaign_id,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(regexp_replace(nullif(cast((g.document)."name" as varchar), 'null'), '^"(.*)"$', '$1'), '\\', char(1)), '\"', '"'), '\n', char(10)), '\r', char(13)), '\t', char(9)), '\b', char(8)), '\f', char(12)), '\/', '/'), char(1), '\') as campaign_name,
    g.status as campaign_status,
    m.member_type,
    m.member_id,
    m.status as member_status,
    m.added_at,
    m.status_changed_at,
    m.responded_at
from crm_campaign g
  join crm_campaign_member m on m.tenant_id = g.tenant_id and m.campaign_id = g.id;
