-- crmkit schema 32: who may read which record, as views for reporting tools (docs/reporting-views.md, "Restricting a
-- report to a user"). The organisation-wide defaults of the sharing model live in the host's Java configuration, not
-- in the database, so these views give the rule of a PRIVATE default: per record, the users who may read it through
-- ownership, their teams, the manager hierarchy, territories, explicit shares and (for the records that hang off
-- others) their parents and assignees, exactly as the API's restricted queries decide (Visibility, VisibleRows,
-- VisibleChildren). A report for one user joins a record view with its reader view on user_id; a record type whose
-- default is READ or READ_WRITE needs no join. Active administrators read every record and have a row for each;
-- inactive users read nothing and have none. Each reader view has one row per record and user, no duplicates.
--
-- The manager hierarchy (a team's lead is above its members, and above the members of the teams they lead, and so
-- on down) is a recursive query; it ends on cycles of leads because union drops the pairs it has found already.
-- Team members and leads are read from the teams' documents, territory members from their lookup keys.

-- Teams: one row per team, with its lead (null when it has none).
create view crm_report_team as
select
    t.tenant_id,
    t.id as team_id,
    t.document ->> 'name' as name,
    cast(t.document #>> '{lead,value}' as uuid) as lead_id
from crm_team t;

-- Team members: one row per member of a team; the lead only when it is a member too.
create view crm_report_team_member as
select
    t.tenant_id,
    t.id as team_id,
    cast(m.member ->> 'value' as uuid) as user_id
from crm_team t
  cross join lateral jsonb_array_elements(t.document -> 'members') as m(member);

-- Territory members: one row per member of a territory.
create view crm_report_territory_member as
select
    k.tenant_id,
    k.record_id as territory_id,
    cast(k.key_value as uuid) as user_id
from crm_lookup k
where k.key_name = 'territory.member';

-- The manager hierarchy: one row per user and each user above it (never the user itself).
create view crm_report_manager as
with recursive above (tenant_id, manager_id, user_id) as (
    select t.tenant_id, t.lead_id, m.user_id
    from crm_report_team t
      join crm_report_team_member m on m.tenant_id = t.tenant_id and m.team_id = t.team_id
    where t.lead_id is not null
    union
    select a.tenant_id, a.manager_id, m.user_id
    from above a
      join crm_report_team t on t.tenant_id = a.tenant_id and t.lead_id = a.user_id
      join crm_report_team_member m on m.tenant_id = t.tenant_id and m.team_id = t.team_id
)
select tenant_id, manager_id, user_id from above where manager_id <> user_id;

-- The users who read records: the active ones; administrator is true for those with the role ADMIN.
create view crm_report_active_user as
select
    u.tenant_id,
    u.id as user_id,
    coalesce(u.document -> 'roles' @> '["ADMIN"]', false) as administrator
from crm_user u
where u.document ->> 'active' = 'true';

-- Who reads the records an owner owns: the owner itself, its team mates (members of a team it is a member of) and
-- the users above it in the manager hierarchy, each if active. Also who reads a task or case by its assignee.
create view crm_report_owner_reader as
select u.tenant_id, u.user_id as owner_id, u.user_id
from crm_report_active_user u
union
select a.tenant_id, a.user_id as owner_id, b.user_id
from crm_report_team_member a
  join crm_report_team_member b on b.tenant_id = a.tenant_id and b.team_id = a.team_id
  join crm_report_active_user u on u.tenant_id = b.tenant_id and u.user_id = b.user_id
union
select m.tenant_id, m.user_id as owner_id, m.manager_id as user_id
from crm_report_manager m
  join crm_report_active_user u on u.tenant_id = m.tenant_id and u.user_id = m.manager_id;

-- Who reads a record shared with a grantee (crm_record_share.grantee_id): the user itself, or every member and the
-- lead of the team, each if active.
create view crm_report_grantee_reader as
select u.tenant_id, u.user_id as grantee_id, u.user_id
from crm_report_active_user u
union
select m.tenant_id, m.team_id as grantee_id, m.user_id
from crm_report_team_member m
  join crm_report_active_user u on u.tenant_id = m.tenant_id and u.user_id = m.user_id
union
select t.tenant_id, t.team_id as grantee_id, t.lead_id as user_id
from crm_report_team t
  join crm_report_active_user u on u.tenant_id = t.tenant_id and u.user_id = t.lead_id;

-- Contacts: by owner, territory, share, or as an administrator. The owners a user reads are few, but PostgreSQL
-- cannot know it (it takes a JSON array for 100 rows): the records of each owner are read by the owner index, one
-- owner after the other (lateral, offset 0), not by a hash join over the whole table.
-- The same for accounts, leads and deals.
create view crm_report_contact_reader as
select o.tenant_id, c.id as contact_id, o.user_id
from crm_report_owner_reader o
  cross join lateral (select r.id from crm_contact r where r.tenant_id = o.tenant_id and r.owner_id = o.owner_id offset 0) c
union
select c.tenant_id, c.id as contact_id, m.user_id
from crm_contact c
  join crm_report_territory_member m on m.tenant_id = c.tenant_id and m.territory_id = c.territory_id
  join crm_report_active_user u on u.tenant_id = m.tenant_id and u.user_id = m.user_id
union
select c.tenant_id, c.id as contact_id, g.user_id
from crm_record_share s
  join crm_report_grantee_reader g on g.tenant_id = s.tenant_id and g.grantee_id = s.grantee_id
  join crm_contact c on c.tenant_id = s.tenant_id and c.id = s.record_id
union
select c.tenant_id, c.id as contact_id, u.user_id
from crm_contact c
  join crm_report_active_user u on u.tenant_id = c.tenant_id and u.administrator;

-- Accounts: by owner, territory, share, or as an administrator.
create view crm_report_account_reader as
select o.tenant_id, a.id as account_id, o.user_id
from crm_report_owner_reader o
  cross join lateral (select r.id from crm_account r where r.tenant_id = o.tenant_id and r.owner_id = o.owner_id offset 0) a
union
select a.tenant_id, a.id as account_id, m.user_id
from crm_account a
  join crm_report_territory_member m on m.tenant_id = a.tenant_id and m.territory_id = a.territory_id
  join crm_report_active_user u on u.tenant_id = m.tenant_id and u.user_id = m.user_id
union
select a.tenant_id, a.id as account_id, g.user_id
from crm_record_share s
  join crm_report_grantee_reader g on g.tenant_id = s.tenant_id and g.grantee_id = s.grantee_id
  join crm_account a on a.tenant_id = s.tenant_id and a.id = s.record_id
union
select a.tenant_id, a.id as account_id, u.user_id
from crm_account a
  join crm_report_active_user u on u.tenant_id = a.tenant_id and u.administrator;

-- Leads: by owner, share, or as an administrator (leads have no territory).
create view crm_report_lead_reader as
select o.tenant_id, l.id as lead_id, o.user_id
from crm_report_owner_reader o
  cross join lateral (select r.id from crm_lead r where r.tenant_id = o.tenant_id and r.owner_id = o.owner_id offset 0) l
union
select l.tenant_id, l.id as lead_id, g.user_id
from crm_record_share s
  join crm_report_grantee_reader g on g.tenant_id = s.tenant_id and g.grantee_id = s.grantee_id
  join crm_lead l on l.tenant_id = s.tenant_id and l.id = s.record_id
union
select l.tenant_id, l.id as lead_id, u.user_id
from crm_lead l
  join crm_report_active_user u on u.tenant_id = l.tenant_id and u.administrator;

-- Opportunities: by owner, share, or as an administrator (deals have no territory).
create view crm_report_opportunity_reader as
select o.tenant_id, d.id as opportunity_id, o.user_id
from crm_report_owner_reader o
  cross join lateral (select r.id from crm_opportunity r where r.tenant_id = o.tenant_id and r.owner_id = o.owner_id offset 0) d
union
select d.tenant_id, d.id as opportunity_id, g.user_id
from crm_record_share s
  join crm_report_grantee_reader g on g.tenant_id = s.tenant_id and g.grantee_id = s.grantee_id
  join crm_opportunity d on d.tenant_id = s.tenant_id and d.id = s.record_id
union
select d.tenant_id, d.id as opportunity_id, u.user_id
from crm_opportunity d
  join crm_report_active_user u on u.tenant_id = d.tenant_id and u.administrator;

-- Invoices: with their account, or as an administrator.
create view crm_report_invoice_reader as
select i.tenant_id, i.id as invoice_id, r.user_id
from crm_invoice i
  join crm_report_account_reader r on r.tenant_id = i.tenant_id and r.account_id = i.account_id
union
select i.tenant_id, i.id as invoice_id, u.user_id
from crm_invoice i
  join crm_report_active_user u on u.tenant_id = i.tenant_id and u.administrator;

-- Payments: with their account, or as an administrator.
create view crm_report_payment_reader as
select p.tenant_id, p.id as payment_id, r.user_id
from crm_payment p
  join crm_report_account_reader r on r.tenant_id = p.tenant_id and r.account_id = p.account_id
union
select p.tenant_id, p.id as payment_id, u.user_id
from crm_payment p
  join crm_report_active_user u on u.tenant_id = p.tenant_id and u.administrator;

-- Service cases: with their contact or account, by their assignee (as the assignee's records), or as an
-- administrator.
create view crm_report_case_reader as
select k.tenant_id, k.id as case_id, r.user_id
from crm_case k
  join crm_report_contact_reader r on r.tenant_id = k.tenant_id and r.contact_id = k.contact_id
union
select k.tenant_id, k.id as case_id, r.user_id
from crm_case k
  join crm_report_account_reader r on r.tenant_id = k.tenant_id and r.account_id = k.account_id
union
select k.tenant_id, k.id as case_id, o.user_id
from crm_case k
  join crm_report_owner_reader o on o.tenant_id = k.tenant_id and o.owner_id = k.assignee_id
union
select k.tenant_id, k.id as case_id, u.user_id
from crm_case k
  join crm_report_active_user u on u.tenant_id = k.tenant_id and u.administrator;

-- Tasks: with the contact, account, lead or opportunity they link to, by their assignee, or as an administrator.
create view crm_report_task_reader as
select k.tenant_id, k.id as task_id, r.user_id
from crm_task k
  join crm_report_contact_reader r on r.tenant_id = k.tenant_id and r.contact_id = k.link_id
where k.link_type = 'CONTACT'
union
select k.tenant_id, k.id as task_id, r.user_id
from crm_task k
  join crm_report_account_reader r on r.tenant_id = k.tenant_id and r.account_id = k.link_id
where k.link_type = 'ACCOUNT'
union
select k.tenant_id, k.id as task_id, r.user_id
from crm_task k
  join crm_report_lead_reader r on r.tenant_id = k.tenant_id and r.lead_id = k.link_id
where k.link_type = 'LEAD'
union
select k.tenant_id, k.id as task_id, r.user_id
from crm_task k
  join crm_report_opportunity_reader r on r.tenant_id = k.tenant_id and r.opportunity_id = k.link_id
where k.link_type = 'OPPORTUNITY'
union
select k.tenant_id, k.id as task_id, o.user_id
from crm_task k
  join crm_report_owner_reader o on o.tenant_id = k.tenant_id and o.owner_id = k.assignee_id
union
select k.tenant_id, k.id as task_id, u.user_id
from crm_task k
  join crm_report_active_user u on u.tenant_id = k.tenant_id and u.administrator;

-- Activities: with any contact, account, lead or opportunity they concern (their 'activity.subject' lookup keys,
-- valued 'CONTACT:<id>' and so on), or as an administrator.
create view crm_report_activity_reader as
select k.tenant_id, k.record_id as activity_id, r.user_id
from crm_report_contact_reader r
  join crm_lookup k on k.tenant_id = r.tenant_id and k.key_name = 'activity.subject'
    and k.key_value = 'CONTACT:' || cast(r.contact_id as varchar)
  join crm_activity v on v.tenant_id = k.tenant_id and v.id = k.record_id
union
select k.tenant_id, k.record_id as activity_id, r.user_id
from crm_report_account_reader r
  join crm_lookup k on k.tenant_id = r.tenant_id and k.key_name = 'activity.subject'
    and k.key_value = 'ACCOUNT:' || cast(r.account_id as varchar)
  join crm_activity v on v.tenant_id = k.tenant_id and v.id = k.record_id
union
select k.tenant_id, k.record_id as activity_id, r.user_id
from crm_report_lead_reader r
  join crm_lookup k on k.tenant_id = r.tenant_id and k.key_name = 'activity.subject'
    and k.key_value = 'LEAD:' || cast(r.lead_id as varchar)
  join crm_activity v on v.tenant_id = k.tenant_id and v.id = k.record_id
union
select k.tenant_id, k.record_id as activity_id, r.user_id
from crm_report_opportunity_reader r
  join crm_lookup k on k.tenant_id = r.tenant_id and k.key_name = 'activity.subject'
    and k.key_value = 'OPPORTUNITY:' || cast(r.opportunity_id as varchar)
  join crm_activity v on v.tenant_id = k.tenant_id and v.id = k.record_id
union
select v.tenant_id, v.id as activity_id, u.user_id
from crm_activity v
  join crm_report_active_user u on u.tenant_id = v.tenant_id and u.administrator;
