package org.crmkit.core.sales;

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
 * A deal to open. Start with {@link #of} and add what is known:
 * {@code NewOpportunity.of("Renewal", account, pipeline, EUR, owner).withAmount(amount).withExpectedCloseDate(date)}.
 * Required: name, account, pipeline, currency, owner (checked when the deal is opened). Optional (null): primary
 * contact, stage (the pipeline's first open stage), amount, expected close date, the lead it came from and the
 * campaign it is attributed to.
 */
public record NewOpportunity(
        String name,
        AccountId account,
        ContactId primaryContact,
        PipelineId pipeline,
        StageId stage,
        Currency currency,
        Money amount,
        LocalDate expectedCloseDate,
        UserId owner,
        LeadId originLead,
        CampaignId campaign) {

    /** The required parts only. */
    public static NewOpportunity of(
            String name, AccountId account, PipelineId pipeline, Currency currency, UserId owner) {
        return new NewOpportunity(name, account, null, pipeline, null, currency, null, null, owner, null, null);
    }

    public NewOpportunity withPrimaryContact(ContactId contact) {
        return new NewOpportunity(
                name,
                account,
                contact,
                pipeline,
                stage,
                currency,
                amount,
                expectedCloseDate,
                owner,
                originLead,
                campaign);
    }

    /** Opens the deal in this stage of its pipeline instead of the first open one. */
    public NewOpportunity withStage(StageId newStage) {
        return new NewOpportunity(
                name,
                account,
                primaryContact,
                pipeline,
                newStage,
                currency,
                amount,
                expectedCloseDate,
                owner,
                originLead,
                campaign);
    }

    public NewOpportunity withAmount(Money newAmount) {
        return new NewOpportunity(
                name,
                account,
                primaryContact,
                pipeline,
                stage,
                currency,
                newAmount,
                expectedCloseDate,
                owner,
                originLead,
                campaign);
    }

    public NewOpportunity withExpectedCloseDate(LocalDate date) {
        return new NewOpportunity(
                name, account, primaryContact, pipeline, stage, currency, amount, date, owner, originLead, campaign);
    }

    /** The lead the deal was converted from. */
    public NewOpportunity withOriginLead(LeadId lead) {
        return new NewOpportunity(
                name,
                account,
                primaryContact,
                pipeline,
                stage,
                currency,
                amount,
                expectedCloseDate,
                owner,
                lead,
                campaign);
    }

    /** The campaign the deal is attributed to. */
    public NewOpportunity withCampaign(CampaignId newCampaign) {
        return new NewOpportunity(
                name,
                account,
                primaryContact,
                pipeline,
                stage,
                currency,
                amount,
                expectedCloseDate,
                owner,
                originLead,
                newCampaign);
    }
}
