package org.crmkit.core.marketing;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * What to plan as a campaign. The budget's currency is the campaign's currency: every cost must be in it.
 *
 * @param description optional, at most 10,000 characters
 */
public record NewCampaign(String name, CampaignType type, CampaignPeriod period, Money budget, String description) {

    public NewCampaign {
        name = Require.maxLength(Require.notBlank(name, "name"), 200, "name");
        Require.notNull(type, "type");
        Require.notNull(period, "period");
        Require.notNull(budget, "budget");
        Require.that(!budget.isNegative(), "budget", "must not be negative, was " + budget);
        description = Require.maxLength(Require.optional(description), 10_000, "description");
    }

    public static NewCampaign of(String name, CampaignType type, CampaignPeriod period, Money budget) {
        return new NewCampaign(name, type, period, budget, null);
    }
}
