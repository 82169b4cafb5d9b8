package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.util.Currency;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;

/**
 * Deals that a forecast counts alike, summed by the storage ({@link org.crmkit.core.spi.OpportunityRepository#forecastTotals}): how many
 * and their amounts added up exactly, of one pipeline, stage, owner and status, in one currency, with one probability
 * override ({@code null}: the stage's own probability). Every component but {@code probabilityOverride} is required.
 */
public record DealTotal(
        PipelineId pipeline,
        StageId stage,
        UserId owner,
        OpportunityStatus status,
        Currency currency,
        Integer probabilityOverride,
        long deals,
        BigDecimal amount) {

    public DealTotal {
        Require.notNull(pipeline, "pipeline");
        Require.notNull(stage, "stage");
        Require.notNull(owner, "owner");
        Require.notNull(status, "status");
        Require.notNull(currency, "currency");
        Require.that(deals > 0, "deals", "must be positive, was " + deals);
        Require.notNull(amount, "amount");
    }
}
