package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Stores dunning cases and holds (disputes, excluded accounts); given to {@link Dunning.Builder#cases}. Adapters:
 * {@link InMemoryDunningCaseStore}, {@code JpaDunningCaseStore} (crm-persistence-jpa); crm-testkit's
 * {@code DunningCaseStoreContract} tells whether another one is right. Every method sees only the given tenant's records;
 * no argument may be null. Thread-safe; writes require an active transaction of crmkit's storage and roll back
 * with it.
 */
public interface DunningCaseStore {

    Optional<DunningCase> findById(TenantId tenant, DunningCaseId id);

    /** The open case of a group ({@link DunningCase#group()}); at most one exists. */
    Optional<DunningCase> findOpenByGroup(TenantId tenant, DunningGroup group);

    /** The account's cases, open and closed, oldest first. */
    List<DunningCase> findByAccount(TenantId tenant, AccountId account);

    /**
     * The open cases of any of the accounts, in no particular order: the open ones of what {@link #findByAccount}
     * answers for each, read together (a database adapter needs one statement per hundred accounts). An empty
     * collection has none.
     */
    default List<DunningCase> findOpenByAccounts(TenantId tenant, Collection<AccountId> accounts) {
        return accounts.stream()
                .distinct()
                .flatMap(account -> findByAccount(tenant, account).stream())
                .filter(DunningCase::isOpen)
                .toList();
    }

    /**
     * Up to {@code limit} open cases whose id comes after {@code after} (null: from the first), by id: keyset
     * paging, so that walking all open cases costs one index range per batch.
     */
    List<DunningCase> findOpen(TenantId tenant, DunningCaseId after, int limit);

    /**
     * Up to {@code limit} open cases whose id comes after {@code after} (null: from the first), by id, that a run on
     * {@code today} must evaluate: those whose {@link DunningCase#nextStepOn() next step} falls due on or before it,
     * and those with an item whose invoice changed since the case last looked at it (its version is not the item's
     * {@link CaseItem#invoiceVersion()}, it is gone, or the item has no version). Other open cases are left out, so
     * that a run reads only what can be due (a database adapter needs an index range and the changed items).
     */
    List<DunningCase> findOpenToEvaluate(TenantId tenant, LocalDate today, DunningCaseId after, int limit);

    /**
     * Up to {@code limit} of the tenant's open (issued or partly paid) invoices due before {@code dueBefore} that are
     * an item of no open case, after {@code after} (null: from the first) by due date and number: the invoices that
     * may start a case or join one. Invoices in open cases are left out without being read.
     */
    List<InvoiceOutsideCases> findInvoicesOutsideOpenCases(
            TenantId tenant, LocalDate dueBefore, InvoiceOutsideCases after, int limit);

    /** An open invoice that no open case holds, with what a run needs to group it: its account, due date and number. */
    record InvoiceOutsideCases(InvoiceId invoice, AccountId account, LocalDate dueDate, String number) {

        public InvoiceOutsideCases {
            Require.notNull(invoice, "invoice");
            Require.notNull(account, "account");
            Require.notNull(dueDate, "dueDate");
            Require.notBlank(number, "number");
        }
    }

    /**
     * Stores the case if the stored version equals {@code dunningCase.version()} (0 for a new one) and returns the
     * stored copy with the next version; {@code StaleVersionException} on a conflict, {@code DuplicateRecordException}
     * for a second open case of the same group.
     */
    DunningCase save(DunningCase dunningCase);

    /** Puts a hold on an invoice or account, replacing one that exists. */
    void putHold(DunningHold hold);

    /** Lifts the hold; false when there was none. */
    boolean removeHold(TenantId tenant, RecordRef subject);

    Optional<DunningHold> findHold(TenantId tenant, RecordRef subject);

    /**
     * The holds on any of the subjects (e.g. an account and its open invoices), in no particular order: what
     * {@link #findHold} answers for each, read together (a database adapter needs one statement per hundred
     * or so subjects). An empty collection has none.
     */
    List<DunningHold> findHolds(TenantId tenant, Collection<RecordRef> subjects);

    /**
     * The cases among the ids, in no particular order; ids that are not the tenant's cases are left out. What
     * {@link #findById} answers for each, read together (a database adapter needs one statement per hundred ids).
     */
    List<DunningCase> findByIds(TenantId tenant, Collection<DunningCaseId> ids);

    /**
     * Adds entries at the end of the histories of the tenant's cases among {@code ids}, in the caller's transaction,
     * as reading each case, adding what {@code entries} answers for it and saving it would: the case's version goes
     * up by one, and a case saved by another transaction since fails the call with {@code StaleVersionException}. A
     * database adapter reads neither the history already stored nor writes the case's document again, so
     * {@code entries} may be given the case without its history ({@link DunningCase#history()} empty) and must
     * read only the rest of the case. Ids that are not the tenant's cases are left out; a case for which
     * {@code entries} answers none stays as it is. What a delivery notes in its case's history goes in this way.
     */
    default void appendToHistories(
            TenantId tenant, Collection<DunningCaseId> ids, Function<DunningCase, List<CaseEvent>> entries) {
        List<DunningCase> changed = new ArrayList<>();
        for (DunningCase dunningCase : findByIds(tenant, ids)) {
            List<CaseEvent> added = entries.apply(dunningCase);
            if (!added.isEmpty()) {
                List<CaseEvent> history = new ArrayList<>(dunningCase.history());
                history.addAll(added);
                changed.add(DunningCase.restore(dunningCase.state().withHistory(history)));
            }
        }
        saveAll(changed);
    }

    /**
     * Saves each case as {@link #save} does, in the caller's transaction (a database adapter writes them in one
     * batch), and returns the stored copies in order. All or nothing: a conflict on one fails the call.
     */
    default List<DunningCase> saveAll(List<DunningCase> dunningCases) {
        return dunningCases.stream().map(this::save).toList();
    }
}
