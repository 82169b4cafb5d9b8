package org.crmkit.analytics.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.core.Billing;
import org.crmkit.core.Crm;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class BillingPurchasesTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-06-30T09:00:00Z"), ZoneOffset.UTC);
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Billing billing = Crm.builder().storage(storage).clock(clock).build().billing();
    final AccountId acme = stored("00000000-0000-0000-0000-00000000000a", "ACME");
    final AccountId globex = stored("00000000-0000-0000-0000-00000000000b", "Globex");

    /** An account with a known id, so that the order of customers with purchases on one day is known. */
    AccountId stored(String id, String name) {
        return CrmInvoices.stored(storage, clock, id, name);
    }

    Invoice invoice(AccountId account, String number, LocalDate issued, String net, String currency) {
        return billing.issueInvoice(new NewInvoice(
                number,
                account,
                issued,
                issued.plusDays(30),
                Currency.getInstance(currency),
                List.of(InvoiceLine.of("Service", "1", Money.of(net, currency), "19"))));
    }

    void pay(Invoice invoice, String amount) {
        billing.recordPayment(new NewPayment(
                invoice.account(),
                Money.of(amount, invoice.currency().getCurrencyCode()),
                invoice.issueDate().plusDays(5),
                PaymentMethod.BANK_TRANSFER,
                "REF",
                List.of(NewPayment.Allocation.of(
                        invoice.id(), Money.of(amount, invoice.currency().getCurrencyCode())))));
    }

    /** The purchases of the year 2026, read from billing across accounts. */
    List<PurchaseRecord> paidIn2026() {
        return BillingPurchases.fromPaidInvoices(billing, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }

    @Test
    void paidInvoicesBecomePurchasesOfTheirNetRevenueInDateOrder() {
        pay(invoice(acme, "INV-3", LocalDate.of(2026, 3, 1), "200.00", "EUR"), "238.00");
        pay(invoice(acme, "INV-1", LocalDate.of(2026, 1, 15), "100.00", "EUR"), "119.00");
        pay(invoice(globex, "INV-2", LocalDate.of(2026, 2, 1), "50.00", "EUR"), "59.50");

        List<PurchaseRecord> purchases = paidIn2026();

        assertThat(purchases)
                .extracting(PurchaseRecord::customerId, PurchaseRecord::date, PurchaseRecord::amount)
                .containsExactly(
                        tuple(acme.value().toString(), LocalDate.of(2026, 1, 15), new BigDecimal("100.00")),
                        tuple(globex.value().toString(), LocalDate.of(2026, 2, 1), new BigDecimal("50.00")),
                        tuple(acme.value().toString(), LocalDate.of(2026, 3, 1), new BigDecimal("200.00")));
    }

    @Test
    void onlyPaidInvoicesCountAndACreditedShareIsNoRevenue() {
        invoice(acme, "OPEN", LocalDate.of(2026, 1, 10), "80.00", "EUR");
        pay(invoice(acme, "PART", LocalDate.of(2026, 1, 11), "80.00", "EUR"), "10.00");
        billing.voidInvoice(
                invoice(acme, "VOID", LocalDate.of(2026, 1, 12), "80.00", "EUR").id(), "typo");
        Invoice halfCredited = invoice(acme, "HALF", LocalDate.of(2026, 1, 13), "100.00", "EUR");
        billing.issueCreditNote(new NewCreditNote(
                "CN-1", acme, halfCredited.id(), Money.of("59.50", "EUR"), LocalDate.of(2026, 1, 20), "goodwill"));
        pay(halfCredited, "59.50");

        List<PurchaseRecord> purchases = paidIn2026();

        assertThat(purchases).singleElement().satisfies(p -> {
            assertThat(p.date()).isEqualTo(LocalDate.of(2026, 1, 13));
            assertThat(p.amount()).isEqualByComparingTo("50.00");
        });
    }

    @Test
    void purchasesFromInvoicesFeedTheSummarizer() {
        pay(invoice(acme, "INV-1", LocalDate.of(2026, 1, 15), "100.00", "EUR"), "119.00");
        pay(invoice(acme, "INV-2", LocalDate.of(2026, 2, 12), "40.00", "EUR"), "47.60");
        pay(invoice(acme, "INV-3", LocalDate.of(2026, 3, 12), "60.00", "EUR"), "71.40");
        CustomerSummarizer summarizer = Analytics.summarizer(LocalDate.of(2026, 6, 30), PeriodUnit.WEEKS);

        paidIn2026().forEach(summarizer::add);

        CustomerSummary summary = summarizer.summaries().get(0);
        assertThat(summary.frequency()).isEqualTo(2);
        assertThat(summary.totalSpend()).isEqualByComparingTo("200.00");
        assertThat(summary.monetaryValue()).isEqualByComparingTo("50.00");
        assertThat(summary.history().recency()).isEqualTo(8.0);
    }

    @Test
    void invoicesInTwoCurrenciesAreRefusedNamingTheDocument() {
        pay(invoice(acme, "INV-1", LocalDate.of(2026, 1, 15), "100.00", "EUR"), "119.00");
        pay(invoice(acme, "INV-2", LocalDate.of(2026, 2, 15), "100.00", "USD"), "119.00");

        assertThatThrownBy(() -> paidIn2026())
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("currency"))
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
    }

    @Test
    void purchasesOfAPeriodAreReadInBatchesAcrossAccountsAndLeaveOutOtherPeriods() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 1_201; i++) {
            pay(invoice(i % 2 == 0 ? acme : globex, "INV-" + i, day.plusDays(i % 300), "10.00", "EUR"), "11.90");
        }
        pay(invoice(acme, "LAST-YEAR", LocalDate.of(2025, 12, 31), "10.00", "EUR"), "11.90");
        pay(invoice(globex, "NEXT-YEAR", LocalDate.of(2027, 1, 1), "10.00", "EUR"), "11.90");

        List<PurchaseRecord> purchases = paidIn2026();

        assertThat(purchases)
                .hasSize(1_201)
                .allSatisfy(p -> assertThat(p.date().getYear()).isEqualTo(2026));
        assertThat(purchases)
                .extracting(PurchaseRecord::customerId)
                .containsOnly(acme.value().toString(), globex.value().toString());
        assertThat(purchases).extracting(PurchaseRecord::date).isSorted();
    }

    @Test
    void paymentsBecomePurchasesOnTheDayTheyWereReceived() {
        billing.recordPayment(new NewPayment(
                globex, Money.of("30.00", "EUR"), LocalDate.of(2026, 4, 2), PaymentMethod.CARD, null, List.of()));
        billing.recordPayment(new NewPayment(
                globex, Money.of("12.50", "EUR"), LocalDate.of(2026, 3, 9), PaymentMethod.CARD, null, List.of()));
        billing.recordPayment(new NewPayment(
                acme, Money.of("99.00", "EUR"), LocalDate.of(2025, 12, 31), PaymentMethod.CARD, null, List.of()));
        List<Payment> payments =
                billing.paymentsOf(globex, PageRequest.first(10)).items();

        assertThat(BillingPurchases.fromPayments(payments))
                .extracting(PurchaseRecord::date, PurchaseRecord::amount)
                .containsExactly(
                        tuple(LocalDate.of(2026, 3, 9), new BigDecimal("12.50")),
                        tuple(LocalDate.of(2026, 4, 2), new BigDecimal("30.00")));
        assertThat(BillingPurchases.fromPayments(billing, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .extracting(PurchaseRecord::date, PurchaseRecord::amount)
                .containsExactly(
                        tuple(LocalDate.of(2026, 3, 9), new BigDecimal("12.50")),
                        tuple(LocalDate.of(2026, 4, 2), new BigDecimal("30.00")));
    }
}
