package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.dunning.RenderedNotice;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A morning's dunning on PostgreSQL plans a chunk of cases in one transaction with a number of statements that does
 * not grow with the number of cases: the accounts locked in one call, their open cases, invoices and holds read
 * together, the actions, cases and events written in JDBC batches (the events' outbox numbers taken in one
 * statement). A case that cannot be evaluated costs the others
 * of its chunk nothing.
 */
class DunningChunksOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    /** What planning one morning cost. */
    private record Cost(int planned, long statements, long transactions, long inserts, long updates) {}

    @Test
    void planningAChunkOfFirstRemindersCostsTheSameStatementsForEightAccountsAsForSixteen() throws Exception {
        Cost eight = firstMorningOf(8);
        Cost sixteen = firstMorningOf(16);

        assertThat(eight.planned()).isEqualTo(8);
        assertThat(sixteen.planned()).isEqualTo(16);
        // the actions' keys are not read before they are inserted (ActionInserts leaves out a taken one)
        assertThat(sixteen.statements()).isEqualTo(eight.statements()).isLessThanOrEqualTo(7);
        // the chunk; the work list (the overdue invoices outside cases, the open cases to evaluate) is read without one
        assertThat(sixteen.transactions()).isEqualTo(eight.transactions()).isEqualTo(1);
        // a case per account through Hibernate; the actions and the events go in a JDBC batch each (ActionInserts,
        // JpaOutbox.append: one statement per chunk each, outside Hibernate's statistics); the actions counted by
        // planned()
        assertThat(sixteen.inserts()).isEqualTo(16);
    }

    @Test
    void theSecondRemindersOfAChunkUpdateItsCasesInOneBatchForEightAccountsAsForSixteen() throws Exception {
        Cost eight = secondReminderOf(8);
        Cost sixteen = secondReminderOf(16);

        assertThat(sixteen.planned()).isEqualTo(16);
        assertThat(sixteen.statements()).isEqualTo(eight.statements()).isLessThanOrEqualTo(8);
        assertThat(sixteen.updates()).isEqualTo(16);
        // nothing inserted through Hibernate: the actions and the events go in a JDBC batch each (ActionInserts,
        // JpaOutbox.append); the actions counted by planned()
        assertThat(sixteen.inserts()).isZero();
    }

    @Test
    void aSecondRunTheSameMorningWritesNothingAndCostsTheSameStatementsForEightAccountsAsForSixteen() throws Exception {
        Cost eight = secondRunOf(8);
        Cost sixteen = secondRunOf(16);

        assertThat(sixteen.planned()).isZero();
        assertThat(sixteen.statements()).isEqualTo(eight.statements()).isLessThanOrEqualTo(12);
        assertThat(sixteen.inserts()).isZero();
        assertThat(sixteen.updates()).isZero();
    }

    @Test
    void aCaseThatCannotBeEvaluatedIsLoggedAndEveryOtherCaseOfItsChunkIsPlanned() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1, notice -> {
            if (notice.accountName().equals("Customer 5")) {
                throw new IllegalStateException("the reminder template failed for Customer 5");
            }
            return new RenderedNotice("Reminder", "Please pay " + notice.claim().total() + ".");
        })) {
            List<Account> customers = nodes.overdueCustomers(12);
            Account poisoned = customers.get(5);
            Instant morning = nodes.morningOf(0);
            List<Integer> planned = new ArrayList<>();

            String log = WorkflowNodes.standardErrorOf(
                    () -> planned.add(nodes.first().dunning().planDue(morning)));

            assertThat(planned).containsExactly(11);
            assertThat(log)
                    .contains("ERROR")
                    .contains("dunning of account:" + poisoned.id() + ":EUR failed")
                    .contains("the reminder template failed for Customer 5");
            assertThat(log.lines().filter(line -> line.contains("ERROR"))).hasSize(1);
            customers.forEach(customer -> assertThat(nodes.first().dunning().casesOf(customer.id()))
                    .as(customer.name())
                    .hasSize(customer.equals(poisoned) ? 0 : 1));
            assertThat(nodes.first()
                            .runtime()
                            .actions(ActionStatus.PENDING, PageRequest.first(1))
                            .totalElements())
                    .isEqualTo(11);
        }
    }

    private Cost firstMorningOf(int accounts) throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            nodes.overdueCustomers(accounts);
            return measured(() -> nodes.first().dunning().planDue(nodes.morningOf(0)));
        }
    }

    private Cost secondReminderOf(int accounts) throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            nodes.overdueCustomers(accounts);
            nodes.first().dunning().planDue(nodes.morningOf(0));
            return measured(() -> nodes.first().dunning().planDue(nodes.morningOf(14)));
        }
    }

    private Cost secondRunOf(int accounts) throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            nodes.overdueCustomers(accounts);
            Instant morning = nodes.morningOf(0);
            nodes.first().dunning().planDue(morning);
            return measured(() -> nodes.first().dunning().planDue(morning));
        }
    }

    private static Cost measured(IntSupplier planning) {
        Statistics statistics = database.statistics();
        statistics.clear();
        int planned = planning.getAsInt();
        return new Cost(
                planned,
                statistics.getPrepareStatementCount(),
                statistics.getTransactionCount(),
                statistics.getEntityInsertCount(),
                statistics.getEntityUpdateCount());
    }
}
