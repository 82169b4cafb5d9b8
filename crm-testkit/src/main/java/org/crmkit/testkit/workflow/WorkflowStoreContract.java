package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.testkit.fixtures.ContactMother;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningHold;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.WorkflowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkflowStore} adapter must do: the action outbox (deduplication per tenant, optimistic
 * versions, claimable work in order, pending work per subject, rollback with crmkit's transaction) and dunning
 * cases and holds. An adapter's test extends it and supplies crmkit's storage and the workflow store on top of it
 * (the in-memory pair in {@code InMemoryWorkflowStoreTest}; a database adapter its own).
 */
public abstract class WorkflowStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final DunningPolicy POLICY = DunningPolicy.builder("standard")
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL)).build();

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
        Message message = new Message(Channel.EMAIL, "ap@acme.example", "Acme", "Reminder", "Please pay.",
                Locale.ENGLISH, RecordRef.account(AccountId.next(ids)));
        return Action.planned(ActionId.next(ids), tenant, "dunning", new PlannedAction(key, subject, message, due), NOW);
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
    void secondActionWithTheSameKeyIsNotStoredButAnotherTenantMayUseTheKey() {
        assertThat(add(action(TENANT_A, "key-1", "s", NOW))).isTrue();

        assertThat(add(action(TENANT_A, "key-1", "s", NOW))).isFalse();
        assertThat(add(action(TENANT_B, "key-1", "s", NOW))).isTrue();
        assertThat(store.actions().findByStatus(TENANT_A, ActionStatus.PENDING, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void updateOfAnOutdatedCopyIsRefused() {
        Action action = action(TENANT_A, "key-1", "s", NOW);
        add(action);
        Action stored = store.actions().findById(TENANT_A, action.id()).orElseThrow();
        update(stored.claimed(NOW.plusSeconds(300)));

        assertThatThrownBy(() -> update(stored.delivered(NOW))).isInstanceOf(StaleVersionException.class);
        assertThat(store.actions().findById(TENANT_A, action.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void actionsUpdatedTogetherAreStoredWithTheirNextVersionsOrNoneIfOneIsOutdated() {
        Action first = action(TENANT_A, "key-1", "s", NOW);
        Action second = action(TENANT_A, "key-2", "s", NOW);
        add(first);
        add(second);
        Action storedFirst = store.actions().findById(TENANT_A, first.id()).orElseThrow();
        Action storedSecond = store.actions().findById(TENANT_A, second.id()).orElseThrow();

        List<Action> claimed = storage.transactions().inTransaction(() -> store.actions().updateAll(List.of(
                storedFirst.claimed(NOW.plusSeconds(300)), storedSecond.claimed(NOW.plusSeconds(300)))));

        assertThat(claimed).extracting(Action::id, Action::version, Action::claimedUntil).containsExactly(
                org.assertj.core.groups.Tuple.tuple(first.id(), 2L, NOW.plusSeconds(300)),
                org.assertj.core.groups.Tuple.tuple(second.id(), 2L, NOW.plusSeconds(300)));
        assertThat(store.actions().findById(TENANT_A, second.id())).contains(claimed.get(1));
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> store.actions().updateAll(List.of(
                claimed.get(0).delivered(NOW), storedSecond.delivered(NOW))))).isInstanceOf(StaleVersionException.class);
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

        assertThat(store.actions().findClaimable(TENANT_A, NOW, 10)).extracting(Action::deduplicationKey)
                .containsExactly("early", "late");
        assertThat(store.actions().findClaimable(TENANT_A, NOW, 1)).extracting(Action::deduplicationKey)
                .containsExactly("early");
        assertThat(store.actions().findClaimable(TENANT_A, NOW.plusSeconds(300), 10)).extracting(Action::deduplicationKey)
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

        assertThat(store.actions().findPendingBySubject(TENANT_A, "case-1")).extracting(Action::deduplicationKey)
                .containsExactly("k2");
        assertThat(store.actions().findPendingBySubject(TENANT_B, "case-1")).isEmpty();
        assertThat(store.actions().findByStatus(TENANT_A, ActionStatus.CANCELLED, PageRequest.first(10)).items())
                .extracting(Action::deduplicationKey).containsExactly("k1");
    }

    @Test
    void actionWritesRollBackWithCrmkitsTransaction() {
        Action kept = action(TENANT_A, "kept", "s", NOW);
        add(kept);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            store.actions().add(action(TENANT_A, "lost", "s", NOW));
            store.actions().update(store.actions().findById(TENANT_A, kept.id()).orElseThrow().delivered(NOW));
            throw new IllegalStateException("planning failed");
        })).hasMessage("planning failed");

        assertThat(store.actions().findByKey(TENANT_A, "lost")).isEmpty();
        assertThat(store.actions().findById(TENANT_A, kept.id()).orElseThrow().status()).isEqualTo(ActionStatus.PENDING);
        assertThat(store.actions().findClaimable(TENANT_A, NOW, 10)).extracting(Action::deduplicationKey)
                .containsExactly("kept");
        assertThat(add(action(TENANT_A, "lost", "s", NOW))).isTrue();
    }

    private DunningCase openCase(TenantId tenant, AccountId account, String group) {
        return DunningCase.open(tenant, DunningCaseId.next(ids), account, POLICY, group, LocalDate.of(2026, 3, 2), clock);
    }

    private DunningCase save(DunningCase dunningCase) {
        return storage.transactions().inTransaction(() -> store.dunningCases().save(dunningCase));
    }

    private DunningCase closed(DunningCase dunningCase) {
        dunningCase.reconcile(POLICY, List.of(), Set.of(), LocalDate.of(2026, 3, 3), invoice -> LocalDate.of(2026, 3, 3),
                clock);
        return dunningCase;
    }

    @Test
    void savedCaseComesBackAsItWasWithTheNextVersion() {
        AccountId account = AccountId.next(ids);
        DunningCase opened = openCase(TENANT_A, account, "account:" + account + ":EUR");

        DunningCase saved = save(opened);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.dunningCases().findById(TENANT_A, opened.id()).orElseThrow().state())
                .isEqualTo(opened.state().withVersion(1));
        assertThat(store.dunningCases().findOpenByGroup(TENANT_A, opened.groupKey())).isPresent();
        assertThat(store.dunningCases().findById(TENANT_B, opened.id())).isEmpty();
        assertThatThrownBy(() -> save(opened)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void groupHasAtMostOneOpenCaseAndANewOneOnceTheOldOneClosed() {
        AccountId account = AccountId.next(ids);
        String group = "account:" + account + ":EUR";
        DunningCase first = save(openCase(TENANT_A, account, group));

        assertThatThrownBy(() -> save(openCase(TENANT_A, account, group))).isInstanceOf(DuplicateRecordException.class);
        save(closed(first));
        DunningCase second = save(openCase(TENANT_A, account, group));

        assertThat(store.dunningCases().findOpenByGroup(TENANT_A, group)).get().extracting(DunningCase::id)
                .isEqualTo(second.id());
        assertThat(store.dunningCases().findByAccount(TENANT_A, account)).extracting(DunningCase::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void openCasesArePagedByIdWithoutClosedOnes() {
        List<DunningCase> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AccountId account = AccountId.next(ids);
            cases.add(save(openCase(TENANT_A, account, "account:" + account + ":EUR")));
        }
        save(closed(store.dunningCases().findById(TENANT_A, cases.get(2).id()).orElseThrow()));

        List<DunningCase> firstPage = store.dunningCases().findOpen(TENANT_A, null, 2);
        List<DunningCase> rest = store.dunningCases().findOpen(TENANT_A, firstPage.get(1).id(), 10);

        assertThat(firstPage).extracting(DunningCase::id).containsExactly(cases.get(0).id(), cases.get(1).id());
        assertThat(rest).extracting(DunningCase::id).containsExactly(cases.get(3).id(), cases.get(4).id());
        assertThat(store.dunningCases().findOpen(TENANT_B, null, 10)).isEmpty();
    }

    @Test
    void transactionLockingAnAccountWaitsForTheOneHoldingItAndThenSeesTheCaseItStored() throws Exception {
        Account account = AccountMother.anAccount(TENANT_A, ids, clock, "Acme", UserId.next(ids));
        storage.transactions().inTransaction(() -> storage.accounts().save(account));
        DunningCase opened = openCase(TENANT_A, account.id(), "account:" + account.id() + ":EUR");
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<DunningCase> holder = thread.submit(() -> storage.transactions().inTransaction(() -> {
                store.actions().lock(TENANT_A, List.of(RecordRef.account(account.id())));
                locked.countDown();
                pause(300);
                return store.dunningCases().save(opened);
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();

            List<DunningCase> seen = storage.transactions().inTransaction(() -> {
                store.actions().lock(TENANT_A, List.of(RecordRef.account(account.id())));
                return store.dunningCases().findByAccount(TENANT_A, account.id());
            });

            assertThat(seen).extracting(DunningCase::id).containsExactly(holder.get(1, TimeUnit.MINUTES).id());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void lockingRecordsThatAreNotStoredLocksNothingAndNeedsATransaction() {
        List<RecordRef> unknown = List.of(RecordRef.account(AccountId.next(ids)), RecordRef.contact(ContactId.next(ids)),
                RecordRef.task(TaskId.next(ids)), RecordRef.opportunity(OpportunityId.next(ids)));

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
                        storage.transactions().inTransaction(() -> store.actions().lock(TENANT_A, order));
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
    void holdsArePutFoundAndLiftedPerTenant() {
        RecordRef invoice = RecordRef.invoice(InvoiceId.next(ids));
        DunningHold dispute = new DunningHold(TENANT_A, invoice, "goods damaged", LocalDate.of(2026, 3, 2));

        storage.transactions().inTransaction(() -> store.dunningCases().putHold(dispute));

        assertThat(store.dunningCases().findHold(TENANT_A, invoice)).contains(dispute);
        assertThat(store.dunningCases().findHold(TENANT_B, invoice)).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> store.dunningCases().removeHold(TENANT_A, invoice))).isTrue();
        assertThat(storage.transactions().inTransaction(() -> store.dunningCases().removeHold(TENANT_A, invoice))).isFalse();
        assertThat(store.dunningCases().findHold(TENANT_A, invoice)).isEmpty();
    }

    @Test
    void holdsOfSeveralSubjectsOfDifferentKindsAreFoundTogetherForTheirTenantOnly() {
        RecordRef disputed = RecordRef.invoice(InvoiceId.next(ids));
        RecordRef undisputed = RecordRef.invoice(InvoiceId.next(ids));
        RecordRef excluded = RecordRef.account(AccountId.next(ids));
        RecordRef otherTenants = RecordRef.invoice(InvoiceId.next(ids));
        DunningHold dispute = new DunningHold(TENANT_A, disputed, "goods damaged", LocalDate.of(2026, 3, 2));
        DunningHold exclusion = new DunningHold(TENANT_A, excluded, "key account", LocalDate.of(2026, 3, 1));
        storage.transactions().inTransaction(() -> {
            store.dunningCases().putHold(dispute);
            store.dunningCases().putHold(exclusion);
            store.dunningCases().putHold(new DunningHold(TENANT_B, otherTenants, "other", LocalDate.of(2026, 3, 2)));
        });

        assertThat(store.dunningCases().findHolds(TENANT_A, List.of(disputed, undisputed, excluded, otherTenants)))
                .containsExactlyInAnyOrder(dispute, exclusion);
        assertThat(store.dunningCases().findHolds(TENANT_A, List.of(undisputed))).isEmpty();
        assertThat(store.dunningCases().findHolds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void holdsAmongSeveralHundredInvoicesAreAllFound() {
        List<RecordRef> invoices = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> RecordRef.invoice(InvoiceId.next(ids))).toList();
        List<DunningHold> disputes = java.util.stream.IntStream.of(0, 31, 32, 33, 64, 99, 127, 128, 129, 256, 299)
                .mapToObj(i -> new DunningHold(TENANT_A, invoices.get(i), "dispute " + i, LocalDate.of(2026, 3, 2)))
                .toList();
        storage.transactions().inTransaction(() -> disputes.forEach(store.dunningCases()::putHold));

        assertThat(store.dunningCases().findHolds(TENANT_A, invoices)).containsExactlyInAnyOrderElementsOf(disputes);
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

        List<Action> stored = storage.transactions().inTransaction(() -> store.actions().addAll(batch));

        assertThat(stored).hasSize(150);
        assertThat(stored).filteredOn(action -> action.tenant().equals(TENANT_A)).extracting(Action::deduplicationKey)
                .hasSize(149).doesNotHaveDuplicates().doesNotContain("key-3").contains("key-4", "key-7", "key-149");
        assertThat(stored).filteredOn(action -> action.tenant().equals(TENANT_B)).singleElement()
                .extracting(Action::subject).isEqualTo("other tenant");
        assertThat(store.actions().findByKey(TENANT_A, "key-7")).get().extracting(Action::subject).isEqualTo("s");
        assertThat(store.actions().findByKey(TENANT_A, "key-149")).get().isEqualTo(batch.get(149).withVersion(1));
        assertThat(store.actions().findByStatus(TENANT_A, ActionStatus.PENDING, PageRequest.first(1)).totalElements())
                .isEqualTo(150);
        assertThat(store.actions().findByStatus(TENANT_B, ActionStatus.PENDING, PageRequest.first(1)).totalElements())
                .isEqualTo(2);
        assertThat(storage.transactions().inTransaction(() -> store.actions().addAll(List.of()))).isEmpty();
    }

    @Test
    void actionsAddedTogetherRollBackWithCrmkitsTransaction() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            store.actions().addAll(List.of(action(TENANT_A, "lost-1", "s", NOW), action(TENANT_A, "lost-2", "s", NOW)));
            throw new IllegalStateException("the workflow failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.actions().findByKey(TENANT_A, "lost-1")).isEmpty();
        assertThat(store.actions().findByKey(TENANT_A, "lost-2")).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> store.actions().addAll(List.of(
                action(TENANT_A, "lost-1", "s", NOW))))).hasSize(1);
    }

    @Test
    void openCasesOfManyAccountsAreFoundTogetherForTheirTenantOnly() {
        List<AccountId> accounts = new ArrayList<>();
        List<DunningCase> open = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            AccountId account = AccountId.next(ids);
            accounts.add(account);
            open.add(openCase(TENANT_A, account, "account:" + account + ":EUR"));
        }
        AccountId first = accounts.get(0);
        DunningCase closedCase = save(openCase(TENANT_A, first, "invoice:" + InvoiceId.next(ids)));
        save(closed(closedCase));
        storage.transactions().inTransaction(() -> store.dunningCases().saveAll(open));
        DunningCase otherTenants = save(openCase(TENANT_B, first, "account:" + first + ":EUR"));
        AccountId notAsked = AccountId.next(ids);
        save(openCase(TENANT_A, notAsked, "account:" + notAsked + ":EUR"));

        List<DunningCase> found = store.dunningCases().findOpenByAccounts(TENANT_A, accounts);

        assertThat(found).extracting(DunningCase::id)
                .containsExactlyInAnyOrderElementsOf(open.stream().map(DunningCase::id).toList());
        assertThat(found).filteredOn(dunningCase -> dunningCase.id().equals(open.get(9).id())).singleElement()
                .satisfies(dunningCase -> assertThat(dunningCase.state()).isEqualTo(open.get(9).state().withVersion(1)));
        assertThat(store.dunningCases().findOpenByAccounts(TENANT_B, accounts)).extracting(DunningCase::id)
                .containsExactly(otherTenants.id());
        assertThat(store.dunningCases().findOpenByAccounts(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void caseAndHoldWritesRollBackWithCrmkitsTransaction() {
        AccountId account = AccountId.next(ids);
        DunningCase opened = openCase(TENANT_A, account, "account:" + account + ":EUR");
        RecordRef excluded = RecordRef.account(account);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            store.dunningCases().save(opened);
            store.dunningCases().putHold(new DunningHold(TENANT_A, excluded, "key account", LocalDate.of(2026, 3, 2)));
            throw new IllegalStateException("planning failed");
        })).hasMessage("planning failed");

        assertThat(store.dunningCases().findById(TENANT_A, opened.id())).isEmpty();
        assertThat(store.dunningCases().findOpenByGroup(TENANT_A, opened.groupKey())).isEmpty();
        assertThat(store.dunningCases().findByAccount(TENANT_A, account)).isEmpty();
        assertThat(store.dunningCases().findHold(TENANT_A, excluded)).isEmpty();
        assertThat(save(opened).version()).isEqualTo(1);
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

        List<Action> delivered = storage.transactions().inTransaction(() -> store.actions().updateAll(
                added.stream().map(action -> action.delivered(NOW)).toList()));

        assertThat(delivered).extracting(Action::id).containsExactlyElementsOf(added.stream().map(Action::id).toList());
        assertThat(store.actions().findByStatus(TENANT_A, ActionStatus.DELIVERED, PageRequest.first(200)).totalElements())
                .isEqualTo(150);
        assertThat(store.actions().findById(TENANT_A, added.get(149).id())).contains(delivered.get(149));
    }

    @Test
    void casesAreFoundTogetherByIdForTheirTenantOnly() {
        List<DunningCase> saved = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            AccountId account = AccountId.next(ids);
            saved.add(save(openCase(TENANT_A, account, "account:" + account + ":EUR")));
        }
        AccountId foreignAccount = AccountId.next(ids);
        DunningCase foreign = save(openCase(TENANT_B, foreignAccount, "account:" + foreignAccount + ":EUR"));
        List<DunningCaseId> wanted = new java.util.ArrayList<>(saved.stream().map(DunningCase::id).toList());
        wanted.add(saved.get(0).id());
        wanted.add(foreign.id());
        wanted.add(DunningCaseId.next(ids));

        List<DunningCase> found = store.dunningCases().findByIds(TENANT_A, wanted);

        assertThat(found).extracting(DunningCase::id)
                .containsExactlyInAnyOrderElementsOf(saved.stream().map(DunningCase::id).toList());
        assertThat(found).filteredOn(c -> c.id().equals(saved.get(7).id())).singleElement()
                .extracting(DunningCase::state).isEqualTo(saved.get(7).state());
        assertThat(store.dunningCases().findByIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void casesSavedTogetherGetTheirNextVersionsOrNoneIfOneIsOutdated() {
        AccountId first = AccountId.next(ids);
        AccountId second = AccountId.next(ids);
        DunningCase one = save(openCase(TENANT_A, first, "account:" + first + ":EUR"));
        DunningCase two = save(openCase(TENANT_A, second, "account:" + second + ":EUR"));

        List<DunningCase> saved = storage.transactions().inTransaction(() -> store.dunningCases()
                .saveAll(List.of(closed(one), two)));

        assertThat(saved).extracting(DunningCase::id, DunningCase::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple(one.id(), 2L), org.assertj.core.groups.Tuple.tuple(two.id(), 2L));
        assertThat(store.dunningCases().findOpenByGroup(TENANT_A, one.groupKey())).isEmpty();
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> store.dunningCases()
                .saveAll(List.of(saved.get(0), two)))).isInstanceOf(StaleVersionException.class);
        assertThat(store.dunningCases().findById(TENANT_A, one.id()).orElseThrow().version()).isEqualTo(2);
    }
}
