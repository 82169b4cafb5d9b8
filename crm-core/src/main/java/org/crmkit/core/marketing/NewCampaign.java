package org.crmkit.core.marketing;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * What to plan as a campaign. The budget's currency is the campaign's currency: every cost must be in it.
 *
 * @param description optional, at most 10,000 characters
 * @param owner the user who owns the campaign under the sharing model; null: the user who plans it (none when the
 *     system actor plans it)
 */
public record NewCampaign(
        String name, CampaignType type, CampaignPeriod period, Money budget, String description, UserId owner) {

    public NewCampaign {
        name = Require.maxLength(Require.notBlank(name, "name"), 200, "name");
        Require.notNull(type, "type");
        Require.notNull(period, "period");
        Require.notNull(budget, "budget");
        Require.that(!budget.isNegative(), "budget", "must not be negative, was " + budget);
        description = Require.maxLength(Require.optional(description), 10_000, "description");
    }

    /** A campaign owned by the user who plans it. */
    public NewCampaign(String name, CampaignType type, CampaignPeriod period, Money budget, String description) {
        this(name, type, period, budget, description, null);
    }

    /** The same campaign owned by {@code owner} (a user of the tenant) rather than by the user who plans it. */
    public NewCampaign ownedBy(UserId owner) {
        return new NewCampaign(name, type, period, budget, description, Require.notNull(owner, "owner"));
    }

    public static NewCampaign of(String name, CampaignType type, CampaignPeriod period, Money budget) {
        return new NewCampaign(name, type, period, budget, null);
    }
}
