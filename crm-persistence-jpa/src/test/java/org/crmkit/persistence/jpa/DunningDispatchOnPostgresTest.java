package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher on PostgreSQL records a batch's deliveries together: a few statements for the whole batch, one
 * read of the pending events after it, and a channel call that failed or a record that collided with another node
 * handled per action, without calling a channel twice.
 */
class DunningDispatchOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final String PENDING_EVENTS = JpaOutbox.PENDING;

    /** {@code count} customers, each with an invoice a week overdue: their first reminder is due today. */
    private static List<Account> customersWithAReminderDue(DunningNodes nodes, int count) {
        List<Account> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account customer = nodes.customer("Customer " + i);
            nodes.invoice(customer.id(), "100.00", 7);
            customers.add(customer);
        }
        assertThat(nodes.first().dunning().planDue(nodes.clock.instant())).isEqualTo(count);
        nodes.first().crm().publishPendingEvents();
        return customers;
    }

    private static List<CaseEvent> deliveredNotices(DunningNodes nodes, Account customer) {
        DunningCase dunningCase =
                nodes.first().dunning().openCaseOf(customer.id()).orElseThrow();
        return dunningCase.history().stream()
                .filter(event -> event.kind() == CaseEventKind.NOTICE_DELIVERED)
                .toList();
    }

    @Test
    void twoHundredNoticesAreRecordedWithAFewStatementsForTheWholeBatch() {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            List<Account> customers = customersWithAReminderDue(nodes, 200);
            Statistics statistics = database.statistics();
            statistics.clear();

            RunReport report = nodes.first().runtime().dispatchDue(nodes.clock.instant());

            long statements = statistics.getPrepareStatementCount();
            assertThat(report).isEqualTo(new RunReport(0, 200, 0, 0));
            // one by one it took 13 per notice, 2,600 in all
            assertThat(statements)
                    .as("statements to claim, send and record 200 notices")
                    .isLessThan(40);
            // the relay reads a full page of the 200 events, then finds no more
            assertThat(statistics.getQueryStatistics(PENDING_EVENTS).getExecutionCount())
                    .isEqualTo(2);
            assertThat(nodes.deliveries)
                    .hasSize(200)
                    .extracting(DunningNodes.Delivery::key)
                    .doesNotHaveDuplicates();
            assertThat(nodes.first()
                            .runtime()
                            .actions(ActionStatus.DELIVERED, PageRequest.first(1))
                            .totalElements())
                    .isEqualTo(200);
            customers.forEach(customer -> {
                assertThat(deliveredNotices(nodes, customer))
                        .as(customer.name())
                        .hasSize(1);
                assertThat(nodes.first()
                                .crm()
                                .activities()
                                .timeline(customer.id(), TimelineFilter.ALL, PageRequest.first(10))
                                .items())
                        .as(customer.name())
                        .singleElement()
                        .satisfies(activity -> assertThat(activity.kind()).isEqualTo(ActivityKind.EMAIL));
            });
        }
    }

    @Test
    void theEventRelayAfterABatchReadsThePendingEventsOnce() {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            customersWithAReminderDue(nodes, 30);
            Statistics statistics = database.statistics();
            statistics.clear();

            nodes.first().runtime().dispatchDue(nodes.clock.instant());

            assertThat(statistics.getQueryStatistics(PENDING_EVENTS).getExecutionCount())
                    .isEqualTo(1);
            assertThat(database.count("select count(*) from crm_outbox where published_at is null"))
                    .isZero();
        }
    }

    @Test
    void aChannelFailingForOneNoticeOfABatchLeavesOnlyThatOnePendingWithAFailedAttempt() {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            List<Account> customers = customersWithAReminderDue(nodes, 5);
            Account unreachable = customers.get(3);
            nodes.channelCall = delivery -> {
                if (delivery.account().equals(unreachable.id())) {
                    throw new IllegalStateException("mailbox of " + unreachable.name() + " is full");
                }
            };
            Instant now = nodes.clock.instant();

            RunReport report = nodes.first().runtime().dispatchDue(now);

            assertThat(report).isEqualTo(new RunReport(0, 4, 1, 0));
            assertThat(nodes.deliveries)
                    .extracting(DunningNodes.Delivery::account)
                    .containsExactlyInAnyOrderElementsOf(customers.stream()
                            .filter(c -> c != unreachable)
                            .map(Account::id)
                            .toList());
            List<Action> pending = nodes.first()
                    .runtime()
                    .actions(ActionStatus.PENDING, PageRequest.first(10))
                    .items();
            assertThat(pending).singleElement().satisfies(action -> {
                assertThat(action.attempts()).isEqualTo(1);
                assertThat(action.lastError()).isEqualTo("mailbox of Customer 3 is full");
                assertThat(action.nextAttemptAt()).isAfter(now);
            });
            assertThat(deliveredNotices(nodes, unreachable)).isEmpty();
            customers.stream()
                    .filter(c -> c != unreachable)
                    .forEach(customer -> assertThat(deliveredNotices(nodes, customer))
                            .as(customer.name())
                            .hasSize(1));
        }
    }

    @Test
    void aBatchWhoseRecordCollidesWithAnotherNodeSavingACaseIsRecordedOnceWithoutSendingAgain() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (DunningNodes nodes = new DunningNodes(database, 2)) {
            List<Account> customers = customersWithAReminderDue(nodes, 5);
            Account contested = customers.get(2);
            DunningNodes.Node other = nodes.nodes.get(1);
            DunningCaseStore otherCases = JpaDunningCaseStore.create(other.storage());
            AtomicReference<Future<RunReport>> dispatch = new AtomicReference<>();

            // the other node saves the contested case and commits only once the dispatcher waits for that row: the
            // dispatcher has read the case before, so its save of the batch's cases then finds another version
            other.storage().transactions().inTransaction(() -> {
                otherCases.save(other.dunning().openCaseOf(contested.id()).orElseThrow());
                dispatch.set(thread.submit(() -> nodes.first().runtime().dispatchDue(nodes.clock.instant())));
                awaitABackendWaitingForALock();
            });
            RunReport report = dispatch.get().get(1, TimeUnit.MINUTES);

            assertThat(report).isEqualTo(new RunReport(0, 5, 0, 0));
            assertThat(nodes.deliveries)
                    .hasSize(5)
                    .extracting(DunningNodes.Delivery::key)
                    .doesNotHaveDuplicates();
            assertThat(nodes.first()
                            .runtime()
                            .actions(ActionStatus.DELIVERED, PageRequest.first(1))
                            .totalElements())
                    .isEqualTo(5);
            customers.forEach(customer -> assertThat(deliveredNotices(nodes, customer))
                    .as(customer.name())
                    .hasSize(1));
        } finally {
            thread.shutdownNow();
        }
    }

    private static void awaitABackendWaitingForALock() {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (database.count("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock'")
                == 0) {
            assertThat(System.nanoTime() - giveUp)
                    .as("nanoseconds past waiting for a row lock")
                    .isNegative();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
