package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.Test;

/** The ladder of the product description, end to end with the time fixture: +7, +21, call at +35, lawyer at +60. */
class DunningLadderTest {

    private final DunningScenario scenario = new DunningScenario();
    private final Account acme = scenario.customer("Acme Trading");

    @Test
    void unpaidInvoiceClimbsTheWholeLadderOnTheRightDays() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);

        scenario.untilDay(100);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L, 31L, 70L);
        assertThat(scenario.sentTo(acme))
                .extracting(DunningScenario.Sent::channel)
                .containsExactly(Channel.EMAIL, Channel.EMAIL, Channel.LETTER);
        assertThat(scenario.sentTo(acme).get(0).message().body())
                .contains("INV-1")
                .contains("EUR 1000.00")
                .contains("Please pay by 2026-01-29");
        assertThat(scenario.sentTo(acme).get(1).message().body()).contains("Fee of this notice: EUR 5.00");

        List<Task> calls = scenario.crm
                .activities()
                .tasksOf(scenario.owner, Set.of(), PageRequest.first(10))
                .items();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.subject()).isEqualTo("Dunning call: Acme Trading (level 3)");
            assertThat(call.dueAt())
                    .isEqualTo(LocalDate.of(2026, 2, 21).atTime(17, 0).toInstant(java.time.ZoneOffset.UTC));
            assertThat(call.description()).contains("INV-1").contains("EUR 1000.00");
        });

        assertThat(scenario.lawyer).singleElement().satisfies(handOver -> {
            assertThat(handOver.on()).isEqualTo(DunningScenario.TODAY.plusDays(70));
            assertThat(handOver.dossier().accountName()).isEqualTo("Acme Trading");
            assertThat(handOver.dossier().invoices())
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.balance()).isEqualTo(Money.of("1000.00", "EUR")));
            assertThat(handOver.dossier().notices())
                    .extracting(CaseEvent::level)
                    .contains(1, 2, 3);
            assertThat(handOver.dossier().claim().fees()).isEqualTo(Money.of("5.00", "EUR"));
            assertThat(handOver.dossier().contacts()).extracting(c -> c.email()).contains("acme.trading@example.com");
        });
        assertThat(scenario.crm.parties().account(acme.id()).isOnCreditHold()).isTrue();

        DunningCase dunningCase = scenario.dunning.openCaseOf(acme.id()).orElseThrow();
        assertThat(dunningCase.items()).singleElement().satisfies(item -> {
            assertThat(item.invoice()).isEqualTo(invoice.id());
            assertThat(item.level()).isEqualTo(4);
        });
        assertThat(dunningCase.history())
                .filteredOn(e -> e.kind() == CaseEventKind.LEVEL_REACHED)
                .extracting(CaseEvent::on, CaseEvent::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 22), 1),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 2, 5), 2),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 2, 19), 3),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 16), 4));
        assertThat(dunningCase.history())
                .filteredOn(e -> e.kind() == CaseEventKind.NOTICE_DELIVERED)
                .extracting(CaseEvent::channel)
                .containsExactly(Channel.EMAIL, Channel.EMAIL, Channel.LETTER);

        List<Activity> timeline = scenario.crm
                .activities()
                .timeline(acme.id(), TimelineFilter.ALL, PageRequest.first(20))
                .items();
        assertThat(timeline)
                .extracting(Activity::kind)
                .containsExactlyInAnyOrder(
                        ActivityKind.EMAIL,
                        ActivityKind.EMAIL,
                        ActivityKind.NOTE,
                        ActivityKind.LETTER,
                        ActivityKind.NOTE);
    }

    @Test
    void paymentAfterTheFirstReminderStopsTheLadderAndClosesTheCase() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(20);

        scenario.pays(invoice, "1000.00");
        scenario.untilDay(120);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L);
        assertThat(scenario.lawyer).isEmpty();
        assertThat(scenario.dunning.casesOf(acme.id())).singleElement().satisfies(closed -> {
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.closedOn()).isEqualTo(DunningScenario.TODAY.plusDays(20));
            assertThat(closed.history())
                    .extracting(CaseEvent::kind)
                    .contains(CaseEventKind.INVOICE_PAID, CaseEventKind.CLOSED);
        });
    }

    @Test
    void paymentOnTheDayOfTheLawyerStepCancelsTheHandOverNotYetDeliveredAndReleasesTheCreditHold() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(69);
        scenario.clock.set(DunningScenario.START.plus(java.time.Duration.ofDays(70)));
        scenario.dunning.planDue(scenario.clock.instant());
        assertThat(scenario.crm.parties().account(acme.id()).isOnCreditHold()).isTrue();

        scenario.pays(invoice, "1000.00");
        scenario.runtime.runDue(scenario.clock.instant());

        assertThat(scenario.lawyer).isEmpty();
        assertThat(scenario.sendingDays(acme)).containsExactly(17L, 31L);
        assertThat(scenario.crm.parties().account(acme.id()).isOnCreditHold()).isFalse();
        assertThat(scenario.runtime
                        .actions(ActionStatus.CANCELLED, PageRequest.first(10))
                        .items())
                .extracting(
                        a -> a.deduplicationKey().substring(a.deduplicationKey().lastIndexOf(':') + 1))
                .containsExactlyInAnyOrder("notice", "legal");
    }

    @Test
    void runningSeveralTimesOnTheSameDaySendsEachReminderOnce() {
        scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(17);

        RunReport again = scenario.runtime.runDue(scenario.clock.instant());
        RunReport later = scenario.runtime.runDue(scenario.clock.instant().plusSeconds(3 * 3600));

        assertThat(again).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(later).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(scenario.sendingDays(acme)).containsExactly(17L);
        assertThat(scenario.sentTo(acme).get(0).key()).endsWith(":1:notice");
    }

    @Test
    void aYearOfDailyRunsAfterTheHandOverSendsNothingMore() {
        scenario.invoice(acme.id(), "1000.00", 10);

        scenario.untilDay(365);

        assertThat(scenario.time.ticks()).isEqualTo(365);
        assertThat(scenario.sendingDays(acme)).containsExactly(17L, 31L, 70L);
        assertThat(scenario.lawyer).hasSize(1);
    }
}
