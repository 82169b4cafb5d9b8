package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.time.Duration;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;

/**
 * Figures of one open stage: the open deals in it now and their value, how many deals ever entered it and how many
 * of those went on to a later stage or were won ({@code conversionPercent}: advanced ÷ entered × 100, null when none
 * entered), and the average time completed stays in it lasted (null when none completed).
 */
public record StageMetrics(
        StageId stage,
        String name,
        long openDeals,
        Money openValue,
        long entered,
        long advanced,
        BigDecimal conversionPercent,
        Duration averageTimeInStage) {

    public StageMetrics {
        Require.notNull(stage, "stage");
        Require.notNull(openValue, "openValue");
    }
}
