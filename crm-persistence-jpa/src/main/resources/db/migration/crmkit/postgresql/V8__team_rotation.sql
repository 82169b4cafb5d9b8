-- crmkit schema 8: the round-robin turn of each team (crm-core TeamRotationRepository), one row per team under
-- the team's id; its version makes two round-robin assignments in one team at the same time conflict.

create table crm_team_rotation (
    tenant_id varchar(64) not null,
    id        uuid        not null,
    version   bigint      not null,
    document  jsonb       not null,
    constraint crm_team_rotation_pk primary key (tenant_id, id)
);
