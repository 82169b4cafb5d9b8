package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code crm_campaign_send}: how a campaign is sent, as a JSON document (id = the campaign's id). */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_campaign_send")
@IdClass(RowKey.class)
class CampaignSendRow extends AggregateRow {}
