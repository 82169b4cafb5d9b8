package org.crmkit.analytics.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Map;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.junit.jupiter.api.Test;

/** The refresh scores the CRM's accounts from its billing (see {@link CrmInvoices} for the figures). */
class CustomerScoreRefreshTest {

    private final CrmInvoices shop = new CrmInvoices();

    private CustomerScoreRefresh.Builder refresh() {
        return CustomerScoreRefresh.builder(shop.crm)
                .period(CrmInvoices.FROM, CrmInvoices.TO)
                .costPerOrder(new BigDecimal("10.00"))
                .keyThreshold(new BigDecimal("50"));
    }

    @Test
    void everyAccountThatBoughtGetsItsTierRfmSegmentAndPredictionWrittenBack() {
        // CDNOW's published parameters (Fader, Hardie and Lee 2005; Fader and Hardie 2013), weeks
        CustomerScoreRefresh.Report report = refresh()
                .models(BgNbdModel.of(0.243, 4.414, 0.793, 2.426), GammaGammaModel.of(6.25, 3.74, 15.44))
                .build()
                .run();

        assertThat(report.scored()).isEqualTo(3);
        assertThat(report.predicted()).isEqualTo(3);
        assertThat(report.predictionProblem()).isNull();
        assertThat(report.tiers())
                .isEqualTo(Map.of(CustomerTier.KEY, 1, CustomerTier.SMALL, 1, CustomerTier.UNPROFITABLE, 1));
        // recency A 49 days, B 70, C 30 and purchase days A 2, B 1, C 1 score A (R2, F4), B (R1, F1), C (R4, F1)
        assertThat(shop.crm.scores().scores(PageRequest.first(10)).items())
                .extracting(
                        score -> score.customer().id(),
                        CustomerScore::tier,
                        CustomerScore::profit,
                        CustomerScore::rfmSegment,
                        CustomerScore::asOf)
                .containsExactly(
                        tuple(shop.a.value(), CustomerTier.KEY, Money.of("75", "EUR"), "at risk", CrmInvoices.TO),
                        tuple(shop.b.value(), CustomerTier.SMALL, Money.of("40", "EUR"), "lost", CrmInvoices.TO),
                        tuple(
                                shop.c.value(),
                                CustomerTier.UNPROFITABLE,
                                Money.of("-13", "EUR"),
                                "promising",
                                CrmInvoices.TO));
        CustomerScore.Prediction a =
                shop.crm.scores().scoreOf(shop.a).orElseThrow().prediction();
        CustomerScore.Prediction c =
                shop.crm.scores().scoreOf(shop.c).orElseThrow().prediction();
        assertThat(a.probabilityAlive()).isBetween(0.0, 1.0);
        assertThat(a.lifetimeValue().isPositive()).isTrue();
        // value at risk is (1 - probability alive) x what the account spent: 210.00 for A
        assertThat(a.valueAtRisk().amount().doubleValue()).isCloseTo((1 - a.probabilityAlive()) * 210, offset(0.006));
        // a single purchaser is alive for sure under BG/NBD; the repeat buyer's 49 quiet days cost some of that
        assertThat(c.probabilityAlive()).isEqualTo(1.0);
        assertThat(a.probabilityAlive()).isLessThan(1.0);
    }

    @Test
    void tooFewPurchasesToFitTheModelsGiveScoresWithoutPredictionAndSayWhy() {
        CustomerScoreRefresh.Report report = refresh().build().run();

        assertThat(report.scored()).isEqualTo(3);
        assertThat(report.predicted()).isZero();
        assertThat(report.predictionProblem()).isNotBlank();
        assertThat(shop.crm.scores().scoreOf(shop.a).orElseThrow().predicted()).isEmpty();
        assertThat(shop.crm
                        .scores()
                        .scoreOf(RecordRef.account(shop.b))
                        .orElseThrow()
                        .tier())
                .isEqualTo(CustomerTier.SMALL);
    }

    @Test
    void aPeriodWithoutPaidInvoicesScoresNobodyAndKeepsTheEarlierScores() {
        refresh().build().run();

        CustomerScoreRefresh.Report report = CustomerScoreRefresh.builder(shop.crm)
                .period(CrmInvoices.TO.plusDays(1), CrmInvoices.TO.plusMonths(1))
                .keyThreshold(BigDecimal.TEN)
                .build()
                .run();

        assertThat(report.scored()).isZero();
        assertThat(report.predictionProblem()).contains("no paid invoice");
        assertThat(shop.crm.scores().scores(PageRequest.first(10)).totalElements())
                .isEqualTo(3);
    }
}
