package org.crmkit.workflow.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * What a campaign brought against what it cost: the conversions credited to it (a fractional count under the linear
 * model), the revenue and margin attributed to it, and its actual cost (the costs booked on crm-core's campaign), all
 * in the campaign's currency.
 */
public record CampaignReturn(
        CampaignId campaign, BigDecimal conversions, Money revenue, Money margin, Money actualCost) {

    public CampaignReturn {
        Require.notNull(campaign, "campaign");
        Require.notNegative(conversions, "conversions");
        Require.notNull(revenue, "revenue");
        Require.notNull(margin, "margin");
        Require.notNull(actualCost, "actualCost");
    }

    /**
     * Return on investment: attributed margin minus actual cost, divided by actual cost (0.25 is 25 %), to four
     * decimals, rounded half-even; empty when nothing was spent.
     */
    public Optional<BigDecimal> roi() {
        if (actualCost.isZero()) {
            return Optional.empty();
        }
        return Optional.of(margin.minus(actualCost).amount().divide(actualCost.amount(), 4, RoundingMode.HALF_EVEN));
    }
}
