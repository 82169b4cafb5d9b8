-- crmkit schema 7: forecast snapshots (crm-core ForecastSnapshotRepository), kept unchanged once taken.

create table crm_forecast_snapshot (
    tenant_id         varchar(64)                 not null,
    id                uuid                        not null,
    version           bigint                      not null,
    scope_owner_id    uuid,
    scope_team_id     uuid,
    scope_pipeline_id uuid,
    first_month       date                        not null,
    last_month        date                        not null,
    taken_at          timestamp(6) with time zone not null,
    document          json                        not null,
    constraint crm_forecast_snapshot_pk primary key (tenant_id, id)
);

create index crm_forecast_snapshot_by_period on crm_forecast_snapshot (tenant_id, first_month, last_month, taken_at, id);
