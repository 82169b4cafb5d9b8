-- crmkit schema 33: owners of campaigns (issue 17). A user's view of the campaigns is filtered in the query by the
-- owner (among the owners whose records the user sees) or by a share, as for pipelines and segments (schema 30); a
-- campaign's members are read through their campaign. A campaign stored before gets as its owner the user who
-- planned it, when the planner is a user of the tenant (its actor id is the user's id); otherwise it has none (null),
-- and where the sharing model restricts campaigns only administrators and the users it is shared with reach it. The
-- owner goes into the column and into the document, which the adapter reads the campaign from. A tenant has few
-- campaigns and a page of them is read in period order, so the column needs no index of its own.
alter table crm_campaign add column owner_id uuid;

update crm_campaign g
set owner_id = u.id,
    document = jsonb_set(g.document, '{owner}', jsonb_build_object('value', cast(u.id as text)))
from crm_user u
where u.tenant_id = g.tenant_id
  and cast(u.id as text) = (g.document #>> '{plannedBy,id}');
