-- crmkit schema 16: merges of duplicate contacts and accounts (crm.merges()).
--
-- One row per merge; the document holds the whole merge record: who merged which records into which survivor and
-- when, the survivorship rules, the before-image of every record the merge changed (what an unmerge puts back), and
-- what each participant moved. The records a merge involves are crm_lookup rows named 'merge.involves'; while the
-- merge is in force (not undone) its merged records are also rows named 'merge.merged', so that a merged id is
-- redirected to its survivor through one index lookup.
create table crm_merge (
    tenant_id   varchar(64)                 not null,
    id          uuid                        not null,
    version     bigint                      not null,
    record_type varchar(30)                 not null,
    survivor_id uuid                        not null,
    merged_at   timestamp(6) with time zone not null,
    in_force    boolean                     not null,
    document    jsonb                       not null,
    constraint crm_merge_pk primary key (tenant_id, id)
);

create index crm_merge_by_survivor on crm_merge (tenant_id, survivor_id, merged_at, id);
