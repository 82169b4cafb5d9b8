package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.offer.Offer;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.testkit.fixtures.ContactMother;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkflowStore} adapter must do: the action outbox (deduplication per tenant, optimistic
 * versions, claimable work in order, pending work per subject, rollback with crmkit's transaction) and record
 * locks. An adapter's test extends it and supplies crmkit's storage and the workflow store on top of it
 * (the in-memory pair in {@code InMemoryWorkflowStoreTest}; a database adapter its own).
 */
public abstract class WorkflowStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected WorkflowStore store;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty workflow store that joins the transactions of {@code storage}. */
    protected abstract WorkflowStore createStore(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
    }

    private Action action(TenantId tenant, String key, String subject, Instant due) {
        Message message = new Message(
                Channel.EMAIL,
                "ap@acme.example",
                "Acme",
                "Reminder",
                "Please pay.",
                Locale.ENGLISH,
                RecordRef.account(AccountId.next(ids)));
        return Action.planned(
                ActionId.next(ids), tenant, "dunning", new PlannedAction(key, subject, message, due), NOW);
    }

    private boolean add(Action action) {
        return storage.transactions().inTransaction(() -> store.actions().add(action));
    }

    private Action update(Action action) {
        return storage.transactions().inTransaction(() -> store.actions().update(action));
    }

    @Test
    void addedActionIsFoundByIdAndKeyWithEveryField() {
        Action action = action(TENANT_A, "dunning:1:1:notice", "dunning:1", NOW);

        assertThat(add(action)).isTrue();

        Action stored = store.actions().findById(TENANT_A, action.id()).orElseThrow();
        assertThat(stored).isEqualTo(action.withVersion(1));
        assertThat(store.actions().findByKey(TENANT_A, "dunning:1:1:notice")).contains(stored);
        assertThat(store.actions().findById(TENANT_B, action.id())).isEmpty();
    }

    @Test
    void aMessageKeepsTheOfferItMakesAndTheRuleThatChoseIt() {
        Offer offer =
                new Offer("BDAY-KEY", "A bottle of champagne", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        OfferChoice choice = new OfferChoice(
                "birthday",
                LocalDate.of(2026, 5, 3),
                offer,
                "key customers",
                List.of(
                        "'win back' is for RFM segment at risk: the contact's RFM segment is loyal",
                        "'key customers' applies: tier KEY"));
        Message message = new Message(
                Channel.EMAIL,
                "adam@example.com",
                "Adam Kowalski",
                "Happy birthday",
                "All the best!",
                Locale.ENGLISH,
                RecordRef.contact(ContactId.next(ids)),
                choice);
        Action action = Action.planned(
                ActionId.next(ids),
                TENANT_A,
                "greetings",
                new PlannedAction("greeting:offer", "greeting:adam", message, NOW),
                NOW);

        add(action);

        Action stored = store.actions().findById(TENANT_A, action.id()).orElseThrow();
        assertThat(stored).isEqualTo(action.withVersion(1));
        assertThat(((Message) stored.payload()).madeOffer()).contains(choice);
    }

    @Test
    void secondActionWithTheSameKeyIsNotStoredButAnotherTenantMayUseTheKey() {
        assertThat(add(action(TENANT_A, "key-1", "s", NOW))).isTrue();

        assertThat(add(action(TENANT_A, "key-1", "s", NOW))).isFalse();
        assertThat(add(action(TENANT_B, "key-1", "s", NOW))).isTrue();
        assertThat(store.actions()
                        .findByStatus(TENANT_A, ActionStatus.PENDING, PageRequest.first(10))
                        .items())
                .hasSize(1);
    }

    @Test
    void updateOfAnOutdatedCopyIsRefused() {
        Action action = action(TENANT_A, "key-1", "s", NOW);
        add(action);
        Action stored = store.actions().findById(TENANT_A, action.id()).orElseThrow();
        update(stored.claimed(NOW.plusSeconds(300)));

        assertThatThrownBy(() -> update(stored.delivered(NOW))).isInstanceOf(StaleVersionException.class);
        assertThat(store.actions().findById(TENANT_A, action.id()).orElseThrow().version())
                .isEqualTo(2);
    }

    @Test
    void actionsUpdatedTogetherAreStoredWithTheirNextVersionsOrNoneIfOneIsOutdated() {
        Action first = action(TENANT_A, "key-1", "s", NOW);
        Action second = action(TENANT_A, "key-2", "s", NOW);
        add(first);
        add(second);
        Action storedFirst = store.actions().findById(TENANT_A, first.id()).orElseThrow();
        Action storedSecond = store.actions().findById(TENANT_A, second.id()).orElseThrow();

        List<Action> claimed = storage.transactions()
                .inTransaction(() -> store.actions()
                        .updateAll(List.of(
                                storedFirst.claimed(NOW.plusSeconds(300)),
                                storedSecond.claimed(NOW.plusSeconds(300)))));

        assertThat(claimed)
                .extracting(Action::id, Action::version, Action::claimedUntil)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.id(), 2L, NOW.plusSeconds(300)),
                        org.assertj.core.groups.Tuple.tuple(second.id(), 2L, NOW.plusSeconds(300)));
        assertThat(store.actions().findById(TENANT_A, second.id())).contains(claimed.get(1));
        assertThatThrownBy(() -> storage.transactions()
                        .inTransaction(() -> store.actions()
                                .updateAll(List.of(claimed.get(0).delivered(NOW), storedSecond.delivered(NOW)))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.actions().findById(TENANT_A, first.id())).contains(claimed.get(0));
    }

    @Test
    void claimableActionsComeEarliestFirstWithoutFutureLeasedOrFinishedOnes() {
        Action late = action(TENANT_A, "late", "s", NOW.minusSeconds(10));
        Action early = action(TENANT_A, "early", "s", NOW.minusSeconds(60));
        Action future = action(TENANT_A, "future", "s", NOW.plusSeconds(60));
        Action leased = action(TENANT_A, "leased", "s", NOW.minusSeconds(90));
        Action delivered = action(TENANT_A, "delivered", "s", NOW.minusSeconds(120));
        Action otherTenant = action(TENANT_B, "other", "s", NOW.minusSeconds(120));
        List.of(late, early, future, leased, delivered, otherTenant).forEach(this::add);
        update(store.actions().findById(TENANT_A, leased.id()).orElseThrow().claimed(NOW.plusSeconds(300)));
        update(store.actions().findById(TENANT_A, delivered.id()).orElseThrow().delivered(NOW));

        assertThat(store.actions().findClaimable(TENANT_A, NOW, 10))
                .extracting(Action::deduplicationKey)
                .containsExactly("early", "late");
        assertThat(store.actions().findClaimable(TENANT_A, NOW, 1))
                .extracting(Action::deduplicationKey)
                .containsExactly("early");
        assertThat(store.actions().findClaimable(TENANT_A, NOW.plusSeconds(300), 10))
                .extracting(Action::deduplicationKey)
                .containsExactly("leased", "early", "late", "future");
    }

    @Test
    void pendingActionsOfASubjectLeaveTheListOnceFinished() {
        Action first = action(TENANT_A, "k1", "case-1", NOW);
        Action second = action(TENANT_A, "k2", "case-1", NOW.plusSeconds(1));
        add(first);
        add(second);
        add(action(TENANT_A, "k3", "case-2", NOW));

        update(store.actions().findById(TENANT_A, first.id()).orElseThrow().cancelled(NOW));

        assertThat(store.actions().findPendingBySubject(TENANT_A, "case-1"))
                .extracting(Action::deduplicationKey)
                .containsExactly("k2");
        assertThat(store.actions().findPendingBySubject(TENANT_B, "case-1")).isEmpty();
        assertThat(store.actions()
                        .findByStatus(TENANT_A, ActionStatus.CANCELLED, PageRequest.first(10))
                        .items())
                .extracting(Action::deduplicationKey)
                .containsExactly("k1");
    }

    @Test
    void actionWritesRollBackWithCrmkitsTransaction() {
        Action kept = action(TENANT_A, "kept", "s", NOW);
        add(kept);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    store.actions().add(action(TENANT_A, "lost", "s", NOW));
                    store.actions()
                            .update(store.actions()
                                    .findById(TENANT_A, kept.id())
                                    .orElseThrow()
                                    .delivered(NOW));
                    throw new IllegalStateException("planning failed");
                }))
                .hasMessage("planning failed");

        assertThat(store.actions().findByKey(TENANT_A, "lost")).isEmpty();
        assertThat(store.actions().findById(TENANT_A, kept.id()).orElseThrow().status())
                .isEqualTo(ActionStatus.PENDING);
        assertThat(store.actions().findClaimable(TENANT_A, NOW, 10))
                .extracting(Action::deduplicationKey)
                .containsExactly("kept");
        assertThat(add(action(TENANT_A, "lost", "s", NOW))).isTrue();
    }

    @Test
    void lockingRecordsThatAreNotStoredLocksNothingAndNeedsATransaction() {
        List<RecordRef> unknown = List.of(
                RecordRef.account(AccountId.next(ids)),
                RecordRef.contact(ContactId.next(ids)),
                RecordRef.task(TaskId.next(ids)),
                RecordRef.opportunity(OpportunityId.next(ids)));

        storage.transactions().inTransaction(() -> store.actions().lock(TENANT_A, unknown));

        assertThatThrownBy(() -> store.actions().lock(TENANT_A, unknown))
                .isInstanceOfAny(IllegalStateException.class, CrmException.class);
    }

    @Test
    void transactionsLockingOverlappingAccountsInOppositeOrdersTakeTurnsWithoutADeadlock() throws Exception {
        List<RecordRef> accounts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Account account = AccountMother.anAccount(TENANT_A, ids, clock, "Customer " + i, UserId.next(ids));
            storage.transactions().inTransaction(() -> storage.accounts().save(account));
            accounts.add(RecordRef.account(account.id()));
        }
        List<RecordRef> reversed = new ArrayList<>(accounts);
        Collections.reverse(reversed);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (List<RecordRef> order : List.of(accounts, reversed)) {
                runs.add(threads.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    int rounds = 0;
                    for (int round = 0; round < 5; round++) {
                        storage.transactions()
                                .inTransaction(() -> store.actions().lock(TENANT_A, order));
                        rounds++;
                    }
                    return rounds;
                }));
            }

            for (Future<Integer> run : runs) {
                assertThat(run.get(1, TimeUnit.MINUTES)).isEqualTo(5);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void transactionLockingAContactWaitsForTheOneHoldingItAndThenSeesTheActionItAdded() throws Exception {
        Contact contact = ContactMother.aContact(TENANT_A, ids, clock);
        storage.transactions().inTransaction(() -> storage.contacts().save(contact));
        String key = "greeting:" + contact.id() + ":birthday:2026";
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> holder = thread.submit(() -> storage.transactions().inTransaction(() -> {
                store.actions().lock(TENANT_A, List.of(RecordRef.contact(contact.id())));
                locked.countDown();
                pause(300);
                return store.actions().add(action(TENANT_A, key, "greeting:" + contact.id(), NOW));
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();

            boolean seen = storage.transactions().inTransaction(() -> {
                store.actions().lock(TENANT_A, List.of(RecordRef.contact(contact.id())));
                return store.actions().findByKey(TENANT_A, key).isPresent();
            });

            assertThat(holder.get(1, TimeUnit.MINUTES)).isTrue();
            assertThat(seen).isTrue();
        } finally {
            thread.shutdownNow();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void actionsAddedTogetherLeaveOutTakenAndRepeatedKeysPerTenant() {
        add(action(TENANT_A, "key-3", "s", NOW));
        add(action(TENANT_B, "key-4", "s", NOW));
        List<Action> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            batch.add(action(TENANT_A, "key-" + i, "s", NOW));
        }
        batch.add(action(TENANT_A, "key-7", "repeated", NOW));
        batch.add(action(TENANT_B, "key-3", "other tenant", NOW));

        List<Action> stored =
                storage.transactions().inTransaction(() -> store.actions().addAll(batch));

        assertThat(stored).hasSize(150);
        assertThat(stored)
                .filteredOn(action -> action.tenant().equals(TENANT_A))
                .extracting(Action::deduplicationKey)
                .hasSize(149)
                .doesNotHaveDuplicates()
                .doesNotContain("key-3")
                .contains("key-4", "key-7", "key-149");
        assertThat(stored)
                .filteredOn(action -> action.tenant().equals(TENANT_B))
                .singleElement()
                .extracting(Action::subject)
                .isEqualTo("other tenant");
        assertThat(store.actions().findByKey(TENANT_A, "key-7"))
                .get()
                .extracting(Action::subject)
                .isEqualTo("s");
        assertThat(store.actions().findByKey(TENANT_A, "key-149"))
                .get()
                .isEqualTo(batch.get(149).withVersion(1));
        assertThat(store.actions()
                        .findByStatus(TENANT_A, ActionStatus.PENDING, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(150);
        assertThat(store.actions()
                        .findByStatus(TENANT_B, ActionStatus.PENDING, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(2);
        assertThat(storage.transactions().inTransaction(() -> store.actions().addAll(List.of())))
                .isEmpty();
    }

    @Test
    void actionsAddedTogetherRollBackWithCrmkitsTransaction() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    store.actions()
                            .addAll(List.of(
                                    action(TENANT_A, "lost-1", "s", NOW), action(TENANT_A, "lost-2", "s", NOW)));
                    throw new IllegalStateException("the workflow failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.actions().findByKey(TENANT_A, "lost-1")).isEmpty();
        assertThat(store.actions().findByKey(TENANT_A, "lost-2")).isEmpty();
        assertThat(storage.transactions()
                        .inTransaction(() -> store.actions().addAll(List.of(action(TENANT_A, "lost-1", "s", NOW)))))
                .hasSize(1);
    }

    @Test
    void writesOutsideATransactionAreRefused() {
        assertThatThrownBy(() -> store.actions().add(action(TENANT_A, "k", "s", NOW)))
                .isInstanceOfAny(IllegalStateException.class, CrmException.class);
        assertThat(store.actions().findByKey(TENANT_A, "k")).isEmpty();
    }

    @Test
    void aHundredAndFiftyActionsUpdatedTogetherAreAllStored() {
        List<Action> added = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Action action = action(TENANT_A, "key-" + i, "s", NOW);
            add(action);
            added.add(action.withVersion(1));
        }

        List<Action> delivered = storage.transactions()
                .inTransaction(() -> store.actions()
                        .updateAll(added.stream()
                                .map(action -> action.delivered(NOW))
                                .toList()));

        assertThat(delivered)
                .extracting(Action::id)
                .containsExactlyElementsOf(added.stream().map(Action::id).toList());
        assertThat(store.actions()
                        .findByStatus(TENANT_A, ActionStatus.DELIVERED, PageRequest.first(200))
                        .totalElements())
                .isEqualTo(150);
        assertThat(store.actions().findById(TENANT_A, added.get(149).id())).contains(delivered.get(149));
    }
}
