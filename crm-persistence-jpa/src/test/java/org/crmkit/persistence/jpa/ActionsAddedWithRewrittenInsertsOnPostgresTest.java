package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The action outbox on a PostgreSQL driver that rewrites batched inserts into multi-row statements (and then reports
 * no row count per insert), as many hosts configure it.
 */
class ActionsAddedWithRewrittenInsertsOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgresWithRewrittenInserts();

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final SettableClock clock = SettableClock.at(NOW);
    private final IdGenerator ids = new IdGenerator(clock);
    private final JpaStorage storage = database.storage(clock);
    private final ActionStore actions = JpaWorkflowStore.create(storage).actions();
    private final AccountId account = AccountId.next(ids);

    private List<Action> planned(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Action.planned(
                        ActionId.next(ids),
                        TenantId.DEFAULT,
                        "dunning",
                        new PlannedAction(
                                "key-" + i,
                                "subject-" + i,
                                new Message(
                                        Channel.EMAIL,
                                        "ap@acme.example",
                                        "Acme",
                                        "Reminder",
                                        "Please pay.",
                                        Locale.ENGLISH,
                                        RecordRef.account(account)),
                                NOW),
                        NOW))
                .toList();
    }

    @Test
    void actionsAddedTogetherAreTheOnesStoredFoundWithoutAStatementPerActionThroughHibernate() {
        storage.transactions().inTransaction(() -> actions.addAll(planned(0, 100)));
        List<Action> next = planned(0, 300);
        long statementsBefore = database.statistics().getPrepareStatementCount();

        List<Action> added = storage.transactions().inTransaction(() -> actions.addAll(next));
        long statements = database.statistics().getPrepareStatementCount() - statementsBefore;

        assertThat(added).containsExactlyElementsOf(next.subList(100, 300));
        assertThat(actions.findByKey(TenantId.DEFAULT, "key-299").map(Action::id))
                .contains(next.get(299).id());
        // the taken keys are read with one statement per 100 keys; whether the inserts stored their rows was asked
        // once per action through Hibernate, flushing the persistence context each time
        assertThat(statements).isLessThanOrEqualTo(3);
    }
}
