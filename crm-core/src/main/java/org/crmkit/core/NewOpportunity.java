package org.crmkit.core;

import java.time.LocalDate;
import java.util.Currency;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;

/**
 * A deal to open. Required: name, account, pipeline, currency, owner. Optional (null): primary contact, stage (the
 * pipeline's first open stage), amount, expected close date, the lead it came from and the campaign.
 */
public record NewOpportunity(String name, AccountId account, ContactId primaryContact, PipelineId pipeline,
                             StageId stage, Currency currency, Money amount, LocalDate expectedCloseDate,
                             UserId owner, LeadId originLead, CampaignId campaign) {

    /** The required parts only. */
    public static NewOpportunity of(String name, AccountId account, PipelineId pipeline, Currency currency,
                                    UserId owner) {
        return new NewOpportunity(name, account, null, pipeline, null, currency, null, null, owner, null, null);
    }
}
