package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * How one snapshot's forecast compares with what was won: the weighted amount and the committed amount (commit plus
 * closed) it predicted, the amount won in the period by now, and the error of the weighted prediction in percent of
 * the won amount (positive: forecast too high; null when nothing was won).
 */
public record ForecastAccuracy(
        Instant takenAt, Money predictedWeighted, Money predictedCommit, Money won, BigDecimal weightedErrorPercent) {

    public ForecastAccuracy {
        Require.notNull(takenAt, "takenAt");
        Require.notNull(predictedWeighted, "predictedWeighted");
        Require.notNull(predictedCommit, "predictedCommit");
        Require.notNull(won, "won");
    }

    /** Compares a snapshot's forecast with the won amount now. */
    public static ForecastAccuracy of(ForecastSnapshot snapshot, Money won) {
        Forecast predicted = snapshot.forecast();
        Money commit = predicted
                .total(ForecastCategory.COMMIT)
                .amount()
                .plus(predicted.total(ForecastCategory.CLOSED).amount());
        BigDecimal error = won.isZero()
                ? null
                : predicted
                        .weighted()
                        .minus(won)
                        .amount()
                        .multiply(BigDecimal.valueOf(100))
                        .divide(won.amount(), 2, RoundingMode.HALF_EVEN);
        return new ForecastAccuracy(snapshot.takenAt(), predicted.weighted(), commit, won, error);
    }
}
