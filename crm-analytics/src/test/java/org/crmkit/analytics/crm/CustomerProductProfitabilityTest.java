package org.crmkit.analytics.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.analytics.WhaleCurve;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.Money;
import org.junit.jupiter.api.Test;

/** Customer x product profitability from the CRM's own invoices, figures checked by hand (see {@link CrmInvoices}). */
class CustomerProductProfitabilityTest {

    private final CrmInvoices shop = new CrmInvoices();

    private Profitability profitability() {
        Profitability profitability = Profitability.of(new BigDecimal("10.00"), new BigDecimal("50"));
        BillingPurchases.linesOfPaidInvoices(shop.crm.billing(), CrmInvoices.FROM, CrmInvoices.TO)
                .forEach(profitability::add);
        return profitability;
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void invoiceLinesBecomePurchasesWithTheirProductAndCostOfGoods() {
        List<PurchaseRecord> lines =
                BillingPurchases.linesOfPaidInvoices(shop.crm.billing(), CrmInvoices.FROM, CrmInvoices.TO);

        String a = shop.a.value().toString();
        String b = shop.b.value().toString();
        assertThat(lines)
                .extracting(
                        PurchaseRecord::customerId,
                        PurchaseRecord::date,
                        PurchaseRecord::productId,
                        PurchaseRecord::amount,
                        PurchaseRecord::cost)
                .startsWith(
                        tuple(a, LocalDate.of(2026, 1, 10), "COFFEE", amount("120.00"), amount("70.00")),
                        tuple(a, LocalDate.of(2026, 1, 10), "MUG", amount("30.00"), amount("10.00")),
                        tuple(b, LocalDate.of(2026, 1, 20), "MUG", amount("60.00"), amount("20.00")),
                        tuple(b, LocalDate.of(2026, 1, 20), null, amount("10.00"), null));
        assertThat(lines).hasSize(6);
    }

    @Test
    void theMarginMatrixAndTheWhaleCurveWorkFromTheCrmsInvoices() {
        Profitability profitability = profitability();

        Map<String, Map<String, BigDecimal>> matrix = profitability.marginMatrix();
        assertThat(matrix.get(shop.a.value().toString()))
                .containsExactly(Map.entry("COFFEE", amount("75.00")), Map.entry("MUG", amount("20.00")));
        assertThat(matrix.get(shop.b.value().toString()))
                .containsExactly(Map.entry("", amount("10.00")), Map.entry("MUG", amount("40.00")));
        assertThat(matrix.get(shop.c.value().toString())).containsExactly(Map.entry("SAMPLE", amount("-3.00")));
        assertThat(profitability.customers())
                .extracting(Profitability.CustomerProfit::profit, Profitability.CustomerProfit::tier)
                .containsExactly(
                        tuple(amount("75.00"), Profitability.Tier.KEY),
                        tuple(amount("40.00"), Profitability.Tier.SMALL),
                        tuple(amount("-13.00"), Profitability.Tier.UNPROFITABLE));

        WhaleCurve curve = WhaleCurve.of(profitability.customers());
        // total profit 102: A brings 75/102, A and B 115/102 (the peak), C takes 13 back to 100%
        assertThat(curve.points())
                .extracting(WhaleCurve.Point::cumulativeProfitShare)
                .usingElementComparator((x, y) -> Math.abs(x - y) < 1e-12 ? 0 : Double.compare(x, y))
                .containsExactly(75 / 102.0, 115 / 102.0, 1.0);
        assertThat(curve.peak().customerId()).isEqualTo(shop.b.value().toString());
    }

    @Test
    void theLinesOfAPartlyCreditedInvoiceShareItsRevenueToTheMinorUnit() {
        Invoice threeLines = shop.invoice(
                shop.b,
                "INV-5",
                LocalDate.of(2026, 3, 10),
                CrmInvoices.line("Tea", "1", "10.00", "4.00", "TEA"),
                CrmInvoices.line("Tea", "1", "10.00", "4.00", "TEA"),
                CrmInvoices.line("Cake", "1", "10.00", "6.00", "CAKE"));
        // 35.70 in all: 11.90 credited, 23.80 paid, so the invoice's revenue is 30 x 23.80 / 35.70 = 20.00
        shop.crm
                .billing()
                .issueCreditNote(new NewCreditNote(
                        "CN-1",
                        shop.b,
                        threeLines.id(),
                        Money.of("11.90", "EUR"),
                        LocalDate.of(2026, 3, 12),
                        "one tea was spilt"));
        shop.pay(threeLines, Money.of("23.80", "EUR"));

        List<PurchaseRecord> lines = BillingPurchases.linesOfPaidInvoices(
                List.of(shop.crm.billing().invoice(threeLines.id()).orElseThrow()));

        // each line's share is 6.666..., 6.67 rounded; the 0.01 too many comes off the first of the largest lines
        assertThat(lines)
                .extracting(PurchaseRecord::amount, PurchaseRecord::cost)
                .containsExactly(
                        tuple(amount("6.66"), amount("4.00")),
                        tuple(amount("6.67"), amount("4.00")),
                        tuple(amount("6.67"), amount("6.00")));
        assertThat(BillingPurchases.fromPaidInvoices(
                        List.of(shop.crm.billing().invoice(threeLines.id()).orElseThrow())))
                .extracting(PurchaseRecord::amount)
                .containsExactly(amount("20.00"));
    }
}
