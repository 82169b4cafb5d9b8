package org.crmkit.core;

import org.crmkit.core.common.CampaignId;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.UtmAttribution;

/** A lead to capture: who, from which source, and optionally the campaign and UTM parameters (null: none). */
public record NewLead(LeadDetails details, LeadSource source, CampaignId campaign, UtmAttribution utm) {}
