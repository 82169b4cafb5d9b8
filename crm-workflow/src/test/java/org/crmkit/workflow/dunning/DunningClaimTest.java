package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.Money;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.Test;

/**
 * The whole claim a case states on each of its days, the same in its notices, its history and the lawyer's dossier,
 * and what a closed case still tells. The expected amounts are worked out by hand below, not by crmkit.
 */
class DunningClaimTest {

    /** A reference rate for the test's half-year (the Bundesbank's rate of the first half of 2025, as test data). */
    private static final ReferenceRates RATES =
            ReferenceRates.builder().halfYear(LocalDate.of(2026, 1, 1), "2.27").build();

    /**
     * B2B in Germany: reference rate + 9 points = 11.27 % a year on act/365, EUR 40 flat compensation per invoice;
     * reminders 7 and 21 days after the due date (EUR 5.00 fee with the second), the lawyer after 60 days.
     */
    private static final DunningPolicy B2B = DunningPolicy.builder("b2b")
            .currency("EUR")
            .interest(InterestRule.of(InterestMode.B2B_GERMANY, RATES))
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
            .level(DunningLevel.daysAfterDue(21).notice(Channel.EMAIL).fee("5.00"))
            .level(DunningLevel.daysAfterDue(60).notice(Channel.LETTER).legalHandOff())
            .build();

    private final DunningScenario scenario = new DunningScenario(B2B);
    private final Account customer = scenario.customer("Acme Trading");

    /*
     * One invoice of EUR 1,190.00 issued 2026-01-05, due 2026-01-15, never paid. Interest runs from 2026-01-16;
     * a year's interest is 1,190.00 x 11.27 % = 134.113, so:
     *   2026-01-22 (first reminder):  7 days: 134.113 x  7 / 365 =  2.57203 -> 2.57
     *       claim 1,190.00 + fees 0.00 + interest  2.57 + compensation 40.00 = 1,232.57
     *   2026-02-05 (second reminder): 21 days: 134.113 x 21 / 365 =  7.71609 -> 7.72
     *       claim 1,190.00 + fees 5.00 + interest  7.72 + compensation 40.00 = 1,242.72
     *   2026-03-16 (lawyer): 60 days (16 in January, 28 in February, 16 in March): 134.113 x 60 / 365 = 22.04597
     *       -> 22.05; claim 1,190.00 + fees 5.00 + interest 22.05 + compensation 40.00 = 1,257.05
     */
    @Test
    void everyNoticeTheHistoryAndTheDossierStateTheWholeClaimOfTheirDay() {
        scenario.invoice(customer.id(), "1190.00", 10);

        scenario.untilDay(71);

        List<String> notices = scenario.sentTo(customer).stream()
                .map(sent -> sent.message().body())
                .toList();
        assertThat(notices).hasSize(3);
        assertThat(notices.get(0))
                .contains("Open balance: EUR 1190.00\n")
                .contains("Interest: EUR 2.57\n")
                .contains("Flat compensation: EUR 40.00\n")
                .doesNotContain("Fees charged")
                .contains("Total due: EUR 1232.57\n");
        assertThat(notices.get(1))
                .contains("Open balance: EUR 1190.00\n")
                .contains("Fee of this notice: EUR 5.00\n")
                .contains("Fees charged: EUR 5.00\n")
                .contains("Interest: EUR 7.72\n")
                .contains("Flat compensation: EUR 40.00\n")
                .contains("Total due: EUR 1242.72\n");
        assertThat(notices.get(2))
                .contains("Open balance: EUR 1190.00\n")
                .doesNotContain("Fee of this notice")
                .contains("Fees charged: EUR 5.00\n")
                .contains("Interest: EUR 22.05\n")
                .contains("Flat compensation: EUR 40.00\n")
                .contains("Total due: EUR 1257.05\n");

        DunningCase dunningCase = scenario.dunning.openCaseOf(customer.id()).orElseThrow();
        assertThat(dunningCase.history())
                .filteredOn(e -> e.kind() == CaseEventKind.LEVEL_REACHED)
                .extracting(CaseEvent::claim)
                .extracting(
                        Claim::asOf,
                        c -> c.total().toString(),
                        c -> c.compensation().toString(),
                        c -> c.fees().toString(),
                        c -> c.interest().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2026, 1, 22), "EUR 1232.57", "EUR 40.00", "EUR 0.00", "EUR 2.57"),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2026, 2, 5), "EUR 1242.72", "EUR 40.00", "EUR 5.00", "EUR 7.72"),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2026, 3, 16), "EUR 1257.05", "EUR 40.00", "EUR 5.00", "EUR 22.05"));
        assertThat(dunningCase.history())
                .filteredOn(e -> e.kind() == CaseEventKind.LEVEL_REACHED)
                .extracting(CaseEvent::detail)
                .allSatisfy(detail -> assertThat(detail).contains("balance EUR 1190.00 + fees "));

        assertThat(scenario.lawyer).singleElement().satisfies(handOver -> {
            Claim claim = handOver.dossier().claim();
            assertThat(claim.asOf()).isEqualTo(LocalDate.of(2026, 3, 16));
            assertThat(claim.balance()).isEqualTo(Money.of("1190.00", "EUR"));
            assertThat(claim.fees()).isEqualTo(Money.of("5.00", "EUR"));
            assertThat(claim.interest()).isEqualTo(Money.of("22.05", "EUR"));
            assertThat(claim.compensation().toString()).isEqualTo("EUR 40.00");
            assertThat(claim.total().toString()).isEqualTo("EUR 1257.05");
            assertThat(claim.lines()).singleElement().satisfies(line -> {
                assertThat(line.level()).isEqualTo(3);
                assertThat(line.compensationClaimed()).isTrue();
                assertThat(line.interest().interest()).isEqualTo(Money.of("22.05", "EUR"));
            });
        });
    }

    @Test
    void aCaseClosedByAPaymentTellsTheLastLevelItReachedAndIsClosedOnThePaymentsDay() {
        Invoice invoice = scenario.invoice(customer.id(), "1190.00", 10);
        scenario.untilDay(33);
        assertThat(scenario.dunning.openCaseOf(customer.id()).orElseThrow().topLevel())
                .isEqualTo(2);

        // received on day 32 (2026-02-06), booked on day 33
        scenario.crm
                .billing()
                .recordPayment(new NewPayment(
                        customer.id(),
                        Money.of("1190.00", "EUR"),
                        LocalDate.of(2026, 2, 6),
                        PaymentMethod.BANK_TRANSFER,
                        "PAY-1",
                        List.of(NewPayment.Allocation.of(invoice.id(), Money.of("1190.00", "EUR")))));
        scenario.untilDay(40);

        assertThat(scenario.dunning.casesOf(customer.id())).singleElement().satisfies(closed -> {
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.topLevel()).isEqualTo(2);
            assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 2, 6));
        });
    }

    @Test
    void aPaymentTheCaseLearnsOfOnlyAtTheNextRunClosesItOnThePaymentsDay() {
        Invoice invoice = scenario.invoice(customer.id(), "1190.00", 10);
        scenario.untilDay(20);
        scenario.hostListenerDown.set(true);

        scenario.pays(invoice, "1190.00");
        scenario.untilDay(25);

        assertThat(scenario.dunning.casesOf(customer.id())).singleElement().satisfies(closed -> {
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.topLevel()).isEqualTo(1);
            assertThat(closed.closedOn()).isEqualTo(DunningScenario.TODAY.plusDays(20));
            assertThat(closed.history()).last().satisfies(last -> {
                assertThat(last.kind()).isEqualTo(CaseEventKind.CLOSED);
                assertThat(last.on()).isEqualTo(DunningScenario.TODAY.plusDays(20));
            });
        });
    }
}
