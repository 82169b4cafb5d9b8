-- crmkit schema 30: owners of pipeline and segment definitions (issue 17). A user's view of the definitions is
-- filtered in the query by the owner (among the owners whose records the user sees) or by a share, as for the
-- customer records. Definitions stored before have no owner (null): where the sharing model restricts them, only
-- administrators and the users they are shared with reach them. A tenant has few definitions, so the column needs no
-- index of its own.
alter table crm_pipeline add column owner_id uuid;
alter table crm_segment add column owner_id uuid;
