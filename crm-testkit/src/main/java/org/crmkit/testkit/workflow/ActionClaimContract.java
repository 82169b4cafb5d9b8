package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ErasedPayload;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkflowStore} adapter must do when the runtime's dispatcher claims and records batches of
 * actions ({@code ActionStore.claim} and {@code updateAll}): claims in due order with a lease and the next version,
 * never the same action to two claimers at once (real threads), payloads read back whole, and batch updates that a
 * later read in the same transaction sees. An adapter's test extends it as it extends {@link WorkflowStoreContract}.
 */
public abstract class ActionClaimContract {

    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final TenantId OTHER_TENANT = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LEASE_END = NOW.plusSeconds(300);

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private IdGenerator ids;
    private Storage storage;
    private WorkflowStore store;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty workflow store that joins the transactions of {@code storage}. */
    protected abstract WorkflowStore createStore(Storage storage);

    @BeforeEach
    void openStores() {
        SettableClock clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Action action(TenantId tenant, String key, Instant due) {
        Message message = new Message(
                Channel.EMAIL,
                "ap@acme.example",
                "Acme " + key,
                "Reminder",
                "Please pay " + key + ".",
                Locale.ENGLISH,
                RecordRef.account(AccountId.next(ids)));
        return Action.planned(
                ActionId.next(ids), tenant, "dunning", new PlannedAction(key, "subject:" + key, message, due), NOW);
    }

    private List<Action> add(List<Action> actions) {
        return storage.transactions().inTransaction(() -> store.actions().addAll(actions));
    }

    private List<Action> claim(Instant now, int limit) {
        return storage.transactions().inTransaction(() -> store.actions().claim(TENANT, now, limit, LEASE_END));
    }

    @Test
    void claimedActionsComeEarliestFirstWithTheirLeaseNextVersionAndWholePayload() {
        Action late = action(TENANT, "late", NOW.minusSeconds(10));
        Action early = action(TENANT, "early", NOW.minusSeconds(60));
        Action middle = action(TENANT, "middle", NOW.minusSeconds(30));
        Action future = action(TENANT, "future", NOW.plusSeconds(60));
        Action otherTenant = action(OTHER_TENANT, "other", NOW.minusSeconds(120));
        add(List.of(late, early, middle, future, otherTenant));

        List<Action> claimed = claim(NOW, 2);

        assertThat(claimed)
                .containsExactly(
                        early.claimed(LEASE_END).withVersion(2),
                        middle.claimed(LEASE_END).withVersion(2));
        assertThat(store.actions().findById(TENANT, early.id())).contains(claimed.get(0));
        assertThat(claim(NOW, 10)).extracting(Action::deduplicationKey).containsExactly("late");
        assertThat(claim(NOW, 10)).isEmpty();
        assertThat(claim(LEASE_END, 10))
                .extracting(Action::deduplicationKey)
                .containsExactly("early", "middle", "late", "future");
    }

    @Test
    void twoClaimersAtOnceNeverTakeTheSameAction() throws Exception {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            actions.add(action(TENANT, "key-" + i, NOW.minusSeconds(i)));
        }
        add(actions);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<List<Action>>> claimers = new ArrayList<>();
        for (int claimer = 0; claimer < 2; claimer++) {
            claimers.add(threads.submit(() -> {
                together.await(1, TimeUnit.MINUTES);
                List<Action> taken = new ArrayList<>();
                List<Action> batch;
                do {
                    batch = claim(NOW, 20);
                    taken.addAll(batch);
                } while (!batch.isEmpty());
                return taken;
            }));
        }

        List<Action> first = claimers.get(0).get(2, TimeUnit.MINUTES);
        List<Action> second = claimers.get(1).get(2, TimeUnit.MINUTES);

        Set<String> keys = new HashSet<>();
        first.forEach(action -> keys.add(action.deduplicationKey()));
        second.forEach(action -> assertThat(keys.add(action.deduplicationKey()))
                .as("claimed twice: %s", action.deduplicationKey())
                .isTrue());
        assertThat(keys).hasSize(300);
    }

    @Test
    void claimedBatchRecordedTogetherKeepsItsPayloadAndAnErasedPayloadIsRewritten() {
        Action delivered = action(TENANT, "delivered", NOW.minusSeconds(20));
        Action erased = action(TENANT, "erased", NOW.minusSeconds(10));
        add(List.of(delivered, erased));
        List<Action> claimed = claim(NOW, 10);

        List<Action> recorded = storage.transactions()
                .inTransaction(() -> store.actions()
                        .updateAll(List.of(
                                claimed.get(0).delivered(NOW), claimed.get(1).erased(NOW))));

        assertThat(recorded).extracting(Action::version).containsExactly(3L, 3L);
        Action storedDelivered =
                store.actions().findById(TENANT, delivered.id()).orElseThrow();
        assertThat(storedDelivered).isEqualTo(recorded.get(0));
        assertThat(storedDelivered.payload()).isEqualTo(delivered.payload());
        assertThat(storedDelivered.status()).isEqualTo(ActionStatus.DELIVERED);
        Action storedErased = store.actions().findById(TENANT, erased.id()).orElseThrow();
        assertThat(storedErased.payload()).isEqualTo(new ErasedPayload());
        assertThat(storedErased.status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(storedErased.version()).isEqualTo(3);
    }

    @Test
    void readInTheTransactionAfterAnUpdateTogetherSeesTheUpdate() {
        Action action = action(TENANT, "key", NOW.minusSeconds(10));
        add(List.of(action));

        Action readAfter = storage.transactions().inTransaction(() -> {
            Action before = store.actions().findById(TENANT, action.id()).orElseThrow();
            store.actions().updateAll(List.of(before.claimed(LEASE_END)));
            return store.actions().findById(TENANT, action.id()).orElseThrow();
        });

        assertThat(readAfter.version()).isEqualTo(2);
        assertThat(readAfter.claimedUntil()).isEqualTo(LEASE_END);
    }
}
