package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dunning on two application instances over one PostgreSQL database, both running the same day at the same
 * moment: every notice, call-queue task and hand-off to the lawyer happens once, no run fails or logs a failure,
 * and the outcome is the one a single node has.
 */
class DunningNodesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Test
    void twoNodesRunningTheSameDayAtTheSameMomentTakeEveryStepOnceAndNeitherRunFails() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 2)) {
            List<Account> customers = nodes.overdueCustomers(24);
            List<RunReport> rounds = new ArrayList<>();

            String log = WorkflowNodes.standardErrorOf(() -> {
                for (int day : new int[] {0, 0, 14, 14, 28, 28, 53, 53}) {
                    rounds.add(WorkflowNodes.sum(nodes.runTogether(nodes.morningOf(day))));
                }
            });

            assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
            assertThat(rounds).extracting(RunReport::planned).containsExactly(24, 0, 24, 0, 24, 0, 48, 0);
            assertThat(rounds).allSatisfy(round -> {
                assertThat(round.delivered()).isEqualTo(round.planned());
                assertThat(round.retrying()).isZero();
                assertThat(round.failed()).isZero();
            });
            customers.forEach(customer -> assertThat(nodes.outcomeFor(customer.id()))
                    .as(customer.name())
                    .containsExactly(
                            "day 0: email", "day 14: email", "day 28: call", "day 53: lawyer", "day 53: letter"));
            assertThat(nodes.deliveries)
                    .hasSize(24 * 4)
                    .extracting(DunningNodes.Delivery::key)
                    .doesNotHaveDuplicates();
            WorkflowRuntime runtime = nodes.first().runtime();
            assertThat(runtime.actions(ActionStatus.DELIVERED, PageRequest.first(1))
                            .totalElements())
                    .isEqualTo(24 * 5);
            assertThat(runtime.actions(ActionStatus.PENDING, PageRequest.first(1))
                            .totalElements())
                    .isZero();
            assertThat(nodes.first()
                            .crm()
                            .activities()
                            .tasksOf(nodes.owner, Set.of(), PageRequest.first(1))
                            .totalElements())
                    .isEqualTo(24);
            customers.forEach(customer -> {
                assertThat(nodes.first().dunning().casesOf(customer.id()))
                        .singleElement()
                        .extracting(DunningCase::status)
                        .isEqualTo(CaseStatus.OPEN);
                assertThat(nodes.first().crm().parties().account(customer.id()).isOnCreditHold())
                        .isTrue();
            });
        }
    }

    @Test
    void twoNodesPlanningSeveralChunksOfCasesAtTheSameMomentSendEveryNoticeOnce() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 2)) {
            List<Account> customers = nodes.overdueCustomers(450);
            List<RunReport> rounds = new ArrayList<>();

            String log = WorkflowNodes.standardErrorOf(() -> {
                rounds.add(WorkflowNodes.sum(nodes.runTogether(nodes.morningOf(0))));
                rounds.add(WorkflowNodes.sum(nodes.runTogether(nodes.morningOf(0))));
            });

            assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
            assertThat(rounds).extracting(RunReport::planned).containsExactly(450, 0);
            assertThat(rounds).extracting(RunReport::delivered).containsExactly(450, 0);
            assertThat(nodes.deliveries)
                    .hasSize(450)
                    .extracting(DunningNodes.Delivery::key)
                    .doesNotHaveDuplicates();
            assertThat(nodes.deliveries)
                    .extracting(DunningNodes.Delivery::account)
                    .containsExactlyInAnyOrderElementsOf(
                            customers.stream().map(Account::id).toList());
        }
    }

    @Test
    void twoNodesRunningEveryDayOfTheLadderEndWhereOneNodeEnds() throws Exception {
        Map<String, List<String>> oneNode = ladderOfSeventyDays(1);
        Map<String, List<String>> twoNodes = ladderOfSeventyDays(2);

        assertThat(oneNode)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Never Pays",
                                List.of(
                                        "day 7: email",
                                        "day 21: email",
                                        "day 35: call",
                                        "day 60: lawyer",
                                        "day 60: letter"),
                        "Due Later",
                                List.of(
                                        "day 12: email",
                                        "day 26: email",
                                        "day 40: call",
                                        "day 65: lawyer",
                                        "day 65: letter"),
                        "Pays After First Reminder", List.of("day 7: email"),
                        "Pays After The Call", List.of("day 7: email", "day 21: email", "day 35: call"),
                        "Pays On Time", List.of(),
                        "Two Invoices",
                                List.of(
                                        "day 7: email",
                                        "day 17: email",
                                        "day 21: email",
                                        "day 31: email",
                                        "day 35: call",
                                        "day 45: call",
                                        "day 60: lawyer",
                                        "day 60: letter",
                                        "day 70: letter")));
        assertThat(twoNodes).isEqualTo(oneNode);
    }

    /**
     * Six customers through 70 days of daily runs on {@code count} nodes at once; what each customer received
     * (and "case closed" when its case closed), by customer name.
     */
    private static Map<String, List<String>> ladderOfSeventyDays(int count) throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, count)) {
            Account neverPays = nodes.customer("Never Pays");
            Account dueLater = nodes.customer("Due Later");
            Account paysEarly = nodes.customer("Pays After First Reminder");
            Account paysLate = nodes.customer("Pays After The Call");
            Account onTime = nodes.customer("Pays On Time");
            Account twoInvoices = nodes.customer("Two Invoices");
            nodes.invoice(neverPays.id(), "1000.00", 0);
            nodes.invoice(dueLater.id(), "800.00", -5);
            Invoice early = nodes.invoice(paysEarly.id(), "500.00", 0);
            Invoice late = nodes.invoice(paysLate.id(), "1500.00", 0);
            Invoice paidOnTime = nodes.invoice(onTime.id(), "90.00", -3);
            nodes.invoice(twoInvoices.id(), "200.00", 0);
            nodes.invoice(twoInvoices.id(), "300.00", -10);
            List<RunReport> days = new ArrayList<>();

            String log = WorkflowNodes.standardErrorOf(() -> {
                for (int day = 1; day <= 70; day++) {
                    Instant morning = nodes.morningOf(day);
                    days.add(WorkflowNodes.sum(nodes.runTogether(morning)));
                    switch (day) {
                        case 2 -> nodes.pays(paidOnTime);
                        case 10 -> nodes.pays(early);
                        case 40 -> nodes.pays(late);
                        default -> {}
                    }
                }
            });

            assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
            assertThat(days).allSatisfy(day -> {
                assertThat(day.delivered()).isEqualTo(day.planned());
                assertThat(day.failed()).isZero();
            });
            assertThat(nodes.deliveries).extracting(DunningNodes.Delivery::key).doesNotHaveDuplicates();
            Map<String, List<String>> outcome = new LinkedHashMap<>();
            for (Account customer : List.of(neverPays, dueLater, paysEarly, paysLate, onTime, twoInvoices)) {
                outcome.put(customer.name(), nodes.outcomeFor(customer.id()));
            }
            assertThat(nodes.first().dunning().casesOf(paysEarly.id()))
                    .singleElement()
                    .extracting(DunningCase::status)
                    .isEqualTo(CaseStatus.CLOSED);
            assertThat(nodes.first().dunning().casesOf(paysLate.id()))
                    .singleElement()
                    .extracting(DunningCase::status)
                    .isEqualTo(CaseStatus.CLOSED);
            assertThat(nodes.first().dunning().casesOf(onTime.id())).isEmpty();
            return outcome;
        }
    }
}
