-- crmkit schema 22: campaign sends (crm-workflow's CampaignSends).
--
-- crm_campaign_send: how a campaign is sent (segment, channel, template, hourly limit, local send window, the count of
-- messages in the current clock hour) as a JSON document, keyed by the campaign's id.
-- crm_campaign_recipient: one row per campaign and contact that a campaign message went to, apart from the campaign
-- itself, so that a response writes one row (optimistic version) and a campaign of a million recipients pages by
-- key. unsubscribe_token is the random token the message carries (unique per tenant); scheduled_at is when the
-- message was planned; the document holds the channel, address, status and responses.
-- crm_campaign_bounce: addresses that bounced hard on a channel; later sends skip them.
--
-- The member lists kept inside crm_campaign's documents stay where they are: they are the members a user added by
-- hand, not the recipients of sends, and nothing is moved.
create table crm_campaign_send (
    tenant_id varchar(64) not null,
    id        uuid        not null,
    version   bigint      not null,
    document       jsonb not null,
    constraint crm_campaign_send_pk primary key (tenant_id, id)
);

create table crm_campaign_recipient (
    tenant_id         varchar(64)                 not null,
    campaign_id       uuid                        not null,
    contact_id        uuid                        not null,
    version           bigint                      not null,
    unsubscribe_token varchar(64)                 not null,
    scheduled_at      timestamp(6) with time zone not null,
    document               jsonb not null,
    constraint crm_campaign_recipient_pk primary key (tenant_id, campaign_id, contact_id),
    constraint crm_campaign_recipient_token unique (tenant_id, unsubscribe_token)
);

create index crm_campaign_recipient_by_contact on crm_campaign_recipient (tenant_id, contact_id, campaign_id);

create table crm_campaign_bounce (
    tenant_id varchar(64)  not null,
    channel   varchar(20)  not null,
    address   varchar(500) not null,
    constraint crm_campaign_bounce_pk primary key (tenant_id, channel, address)
);
