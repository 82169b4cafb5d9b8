package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningGroup;
import org.crmkit.workflow.dunning.DunningHold;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DunningCaseStore} adapter must do: cases by id, group, account and page, at most one open case
 * per group, optimistic versions, holds per tenant, reads of many together, rollback with crmkit's transaction,
 * and waiting behind the runtime's lock on an account. An adapter's test extends it and supplies crmkit's storage,
 * the runtime's workflow store and the case store on top of it (in memory: {@code InMemoryDunningCaseStoreTest}).
 */
public abstract class DunningCaseStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final DunningPolicy POLICY = DunningPolicy.builder("standard")
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
            .build();

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected WorkflowStore store;
    protected DunningCaseStore cases;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty workflow store that joins the transactions of {@code storage} (whose locks the cases wait on). */
    protected abstract WorkflowStore createStore(Storage storage);

    /** A new, empty dunning case store that joins the transactions of {@code storage}. */
    protected abstract DunningCaseStore createCases(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
        cases = createCases(storage);
    }

    private DunningCase openCase(TenantId tenant, AccountId account) {
        return openCase(tenant, group(account));
    }

    private DunningCase openCase(TenantId tenant, DunningGroup group) {
        return DunningCase.open(tenant, DunningCaseId.next(ids), POLICY, group, LocalDate.of(2026, 3, 2), clock);
    }

    private static DunningGroup group(AccountId account) {
        return new DunningGroup.AccountInCurrency(account, Currency.getInstance("EUR"));
    }

    private DunningCase save(DunningCase dunningCase) {
        return storage.transactions().inTransaction(() -> cases.save(dunningCase));
    }

    private DunningCase closed(DunningCase dunningCase) {
        LocalDate closing = LocalDate.of(2026, 3, 3);
        dunningCase.reconcile(POLICY, List.of(), Set.of(), closing, invoice -> closing, clock);
        return dunningCase;
    }

    @Test
    void savedCaseComesBackAsItWasWithTheNextVersion() {
        AccountId account = AccountId.next(ids);
        DunningCase opened = openCase(TENANT_A, account);

        DunningCase saved = save(opened);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(cases.findById(TENANT_A, opened.id()).orElseThrow().state())
                .isEqualTo(opened.state().withVersion(1));
        assertThat(cases.findOpenByGroup(TENANT_A, opened.group())).isPresent();
        assertThat(cases.findById(TENANT_B, opened.id())).isEmpty();
        assertThatThrownBy(() -> save(opened)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void groupHasAtMostOneOpenCaseAndANewOneOnceTheOldOneClosed() {
        AccountId account = AccountId.next(ids);
        DunningGroup group = group(account);
        DunningCase first = save(openCase(TENANT_A, account));

        assertThatThrownBy(() -> save(openCase(TENANT_A, account))).isInstanceOf(DuplicateRecordException.class);
        save(closed(first));
        DunningCase second = save(openCase(TENANT_A, account));

        assertThat(cases.findOpenByGroup(TENANT_A, group))
                .get()
                .extracting(DunningCase::id)
                .isEqualTo(second.id());
        assertThat(cases.findByAccount(TENANT_A, account))
                .extracting(DunningCase::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void openCasesArePagedByIdWithoutClosedOnes() {
        List<DunningCase> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AccountId account = AccountId.next(ids);
            opened.add(save(openCase(TENANT_A, account)));
        }
        save(closed(cases.findById(TENANT_A, opened.get(2).id()).orElseThrow()));

        List<DunningCase> firstPage = cases.findOpen(TENANT_A, null, 2);
        List<DunningCase> rest = cases.findOpen(TENANT_A, firstPage.get(1).id(), 10);

        assertThat(firstPage)
                .extracting(DunningCase::id)
                .containsExactly(opened.get(0).id(), opened.get(1).id());
        assertThat(rest)
                .extracting(DunningCase::id)
                .containsExactly(opened.get(3).id(), opened.get(4).id());
        assertThat(cases.findOpen(TENANT_B, null, 10)).isEmpty();
    }

    @Test
    void transactionLockingAnAccountWaitsForTheOneHoldingItAndThenSeesTheCaseItStored() throws Exception {
        Account account = AccountMother.anAccount(TENANT_A, ids, clock, "Acme", UserId.next(ids));
        storage.transactions().inTransaction(() -> storage.accounts().save(account));
        DunningCase opened = openCase(TENANT_A, account.id());
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<DunningCase> holder =
                    thread.submit(() -> storage.transactions().inTransaction(() -> {
                        store.actions().lock(TENANT_A, List.of(RecordRef.account(account.id())));
                        locked.countDown();
                        pause(300);
                        return cases.save(opened);
                    }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();

            List<DunningCase> seen = storage.transactions().inTransaction(() -> {
                store.actions().lock(TENANT_A, List.of(RecordRef.account(account.id())));
                return cases.findByAccount(TENANT_A, account.id());
            });

            assertThat(seen)
                    .extracting(DunningCase::id)
                    .containsExactly(holder.get(1, TimeUnit.MINUTES).id());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void holdsArePutFoundAndLiftedPerTenant() {
        RecordRef invoice = RecordRef.invoice(InvoiceId.next(ids));
        DunningHold dispute = new DunningHold(TENANT_A, invoice, "goods damaged", LocalDate.of(2026, 3, 2));

        storage.transactions().inTransaction(() -> cases.putHold(dispute));

        assertThat(cases.findHold(TENANT_A, invoice)).contains(dispute);
        assertThat(cases.findHold(TENANT_B, invoice)).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> cases.removeHold(TENANT_A, invoice)))
                .isTrue();
        assertThat(storage.transactions().inTransaction(() -> cases.removeHold(TENANT_A, invoice)))
                .isFalse();
        assertThat(cases.findHold(TENANT_A, invoice)).isEmpty();
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
            cases.putHold(dispute);
            cases.putHold(exclusion);
            cases.putHold(new DunningHold(TENANT_B, otherTenants, "other", LocalDate.of(2026, 3, 2)));
        });

        assertThat(cases.findHolds(TENANT_A, List.of(disputed, undisputed, excluded, otherTenants)))
                .containsExactlyInAnyOrder(dispute, exclusion);
        assertThat(cases.findHolds(TENANT_A, List.of(undisputed))).isEmpty();
        assertThat(cases.findHolds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void holdsAmongSeveralHundredInvoicesAreAllFound() {
        List<RecordRef> invoices = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> RecordRef.invoice(InvoiceId.next(ids)))
                .toList();
        List<DunningHold> disputes = java.util.stream.IntStream.of(0, 31, 32, 33, 64, 99, 127, 128, 129, 256, 299)
                .mapToObj(i -> new DunningHold(TENANT_A, invoices.get(i), "dispute " + i, LocalDate.of(2026, 3, 2)))
                .toList();
        storage.transactions().inTransaction(() -> disputes.forEach(cases::putHold));

        assertThat(cases.findHolds(TENANT_A, invoices)).containsExactlyInAnyOrderElementsOf(disputes);
    }

    @Test
    void openCasesOfManyAccountsAreFoundTogetherForTheirTenantOnly() {
        List<AccountId> accounts = new ArrayList<>();
        List<DunningCase> open = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            AccountId account = AccountId.next(ids);
            accounts.add(account);
            open.add(openCase(TENANT_A, account));
        }
        AccountId first = accounts.get(0);
        DunningCase closedCase = save(openCase(TENANT_A, new DunningGroup.OneInvoice(first, InvoiceId.next(ids))));
        save(closed(closedCase));
        storage.transactions().inTransaction(() -> cases.saveAll(open));
        DunningCase otherTenants = save(openCase(TENANT_B, first));
        AccountId notAsked = AccountId.next(ids);
        save(openCase(TENANT_A, notAsked));

        List<DunningCase> found = cases.findOpenByAccounts(TENANT_A, accounts);

        assertThat(found)
                .extracting(DunningCase::id)
                .containsExactlyInAnyOrderElementsOf(
                        open.stream().map(DunningCase::id).toList());
        assertThat(found)
                .filteredOn(dunningCase -> dunningCase.id().equals(open.get(9).id()))
                .singleElement()
                .satisfies(dunningCase -> assertThat(dunningCase.state())
                        .isEqualTo(open.get(9).state().withVersion(1)));
        assertThat(cases.findOpenByAccounts(TENANT_B, accounts))
                .extracting(DunningCase::id)
                .containsExactly(otherTenants.id());
        assertThat(cases.findOpenByAccounts(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void caseAndHoldWritesRollBackWithCrmkitsTransaction() {
        AccountId account = AccountId.next(ids);
        DunningCase opened = openCase(TENANT_A, account);
        RecordRef excluded = RecordRef.account(account);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    cases.save(opened);
                    cases.putHold(new DunningHold(TENANT_A, excluded, "key account", LocalDate.of(2026, 3, 2)));
                    throw new IllegalStateException("planning failed");
                }))
                .hasMessage("planning failed");

        assertThat(cases.findById(TENANT_A, opened.id())).isEmpty();
        assertThat(cases.findOpenByGroup(TENANT_A, opened.group())).isEmpty();
        assertThat(cases.findByAccount(TENANT_A, account)).isEmpty();
        assertThat(cases.findHold(TENANT_A, excluded)).isEmpty();
        assertThat(save(opened).version()).isEqualTo(1);
    }

    @Test
    void casesAreFoundTogetherByIdForTheirTenantOnly() {
        List<DunningCase> saved = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            AccountId account = AccountId.next(ids);
            saved.add(save(openCase(TENANT_A, account)));
        }
        AccountId foreignAccount = AccountId.next(ids);
        DunningCase foreign = save(openCase(TENANT_B, foreignAccount));
        List<DunningCaseId> wanted =
                new java.util.ArrayList<>(saved.stream().map(DunningCase::id).toList());
        wanted.add(saved.get(0).id());
        wanted.add(foreign.id());
        wanted.add(DunningCaseId.next(ids));

        List<DunningCase> found = cases.findByIds(TENANT_A, wanted);

        assertThat(found)
                .extracting(DunningCase::id)
                .containsExactlyInAnyOrderElementsOf(
                        saved.stream().map(DunningCase::id).toList());
        assertThat(found)
                .filteredOn(c -> c.id().equals(saved.get(7).id()))
                .singleElement()
                .extracting(DunningCase::state)
                .isEqualTo(saved.get(7).state());
        assertThat(cases.findByIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void casesSavedTogetherGetTheirNextVersionsOrNoneIfOneIsOutdated() {
        AccountId first = AccountId.next(ids);
        AccountId second = AccountId.next(ids);
        DunningCase one = save(openCase(TENANT_A, first));
        DunningCase two = save(openCase(TENANT_A, second));

        List<DunningCase> saved = storage.transactions().inTransaction(() -> cases.saveAll(List.of(closed(one), two)));

        assertThat(saved)
                .extracting(DunningCase::id, DunningCase::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(one.id(), 2L),
                        org.assertj.core.groups.Tuple.tuple(two.id(), 2L));
        assertThat(cases.findOpenByGroup(TENANT_A, one.group())).isEmpty();
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> cases.saveAll(List.of(saved.get(0), two))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(cases.findById(TENANT_A, one.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void entriesAppendedToHistoriesComeAfterTheStoredOnesWithTheNextVersionUnlessTheCaseChangedSinceItWasRead() {
        DunningCase one = save(openCase(TENANT_A, AccountId.next(ids)));
        DunningCase two = save(openCase(TENANT_A, AccountId.next(ids)));
        DunningCase foreign = save(openCase(TENANT_B, AccountId.next(ids)));
        LocalDate on = LocalDate.of(2026, 3, 3);
        List<CaseEvent> added = List.of(
                CaseEvent.of(on, CaseEventKind.NOTICE_DELIVERED, 1, List.of(), null, "first"),
                CaseEvent.of(on, CaseEventKind.HANDED_TO_LAWYER, 1, List.of(), null, "second"));
        List<DunningCaseId> wanted = List.of(one.id(), two.id(), foreign.id(), DunningCaseId.next(ids));

        storage.transactions().inTransaction(() -> {
            cases.appendToHistories(TENANT_A, wanted, c -> c.id().equals(one.id()) ? added : List.of());
            return null;
        });

        DunningCase appended = cases.findById(TENANT_A, one.id()).orElseThrow();
        List<CaseEvent> history = new ArrayList<>(one.history());
        history.addAll(added);
        assertThat(appended.state()).isEqualTo(one.state().withHistory(history).withVersion(one.version() + 1));
        assertThat(cases.findById(TENANT_A, two.id()).orElseThrow().state()).isEqualTo(two.state());
        assertThat(cases.findById(TENANT_B, foreign.id()).orElseThrow().state()).isEqualTo(foreign.state());
        assertThatThrownBy(() -> save(one)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    cases.appendToHistories(TENANT_A, List.of(two.id()), c -> {
                        cases.save(closed(cases.findById(TENANT_A, two.id()).orElseThrow()));
                        return added;
                    });
                    return null;
                }))
                .isInstanceOf(StaleVersionException.class);
        assertThat(cases.findById(TENANT_A, two.id()).orElseThrow().state()).isEqualTo(two.state());
    }

    @Test
    void writesOutsideATransactionAreRefusedAsNeedingOne() {
        DunningCase opened = openCase(TENANT_A, AccountId.next(ids));
        RecordRef excluded = RecordRef.account(opened.account());

        assertThatThrownBy(() -> cases.save(opened)).isInstanceOf(TransactionRequiredException.class);
        assertThatThrownBy(() ->
                        cases.putHold(new DunningHold(TENANT_A, excluded, "key account", LocalDate.of(2026, 3, 2))))
                .isInstanceOf(TransactionRequiredException.class);
        assertThat(cases.findById(TENANT_A, opened.id())).isEmpty();
        assertThat(cases.findHold(TENANT_A, excluded)).isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
