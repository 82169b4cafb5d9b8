package org.crmkit.core.spi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;

/**
 * Stores invoices. Every method takes the tenant and sees only that tenant's invoices; no argument may be null.
 * Implementations are thread-safe; writes join the caller's transaction (see {@link Transactions}).
 */
public interface InvoiceRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query answers only the invoices of
     * accounts that are visible (as {@code AccountRepository#visibleTo} answers, or all when {@link
     * Visibility#readsEvery} accounts), filtered in the query itself, so that pages are full and counts count
     * visible invoices only. Saves are not restricted.
     */
    InvoiceRepository visibleTo(Visibility visibility);

    Optional<Invoice> findById(TenantId tenant, InvoiceId id);

    /**
     * The invoice that has the external reference, found through one index. Saving a invoice whose reference another invoice
     * of the tenant has is refused with a {@code DuplicateRecordException} naming the reference.
     */
    Optional<Invoice> findByExternalRef(TenantId tenant, ExternalRef ref);

    /** The invoice with this number (numbers are unique per tenant, compared exactly). */
    Optional<Invoice> findByNumber(TenantId tenant, String number);

    /**
     * Stores the invoice if the stored version equals {@code invoice.version()} (0 for a new one) and returns the
     * stored copy with the next version. Throws {@code StaleVersionException} on a version conflict,
     * {@code RecordNotFoundException} for a non-zero version of an unknown invoice, and
     * {@code DuplicateRecordException} when another invoice of the tenant has the same number.
     */
    Invoice save(Invoice invoice);

    /**
     * Saves each invoice as {@link #save} does, in the caller's transaction (an import from the host's ERP, say), and
     * returns the stored copies in order; an invoice whose number another one of the list or of the tenant has is
     * refused with {@code DuplicateRecordException}. Adapters may write the invoices in batches.
     */
    default List<Invoice> saveAll(List<Invoice> invoices) {
        return invoices.stream().map(this::save).toList();
    }

    /** The account's invoices in every status, ordered by due date, then number. */
    Page<Invoice> findByAccount(TenantId tenant, AccountId account, PageRequest page);

    /** The account's open invoices (issued or partially paid), ordered by due date, then number. */
    List<Invoice> findOpenByAccount(TenantId tenant, AccountId account);

    /**
     * The open invoices of any of the accounts: what {@link #findOpenByAccount} answers for each, read together (a
     * database adapter needs one statement per hundred accounts). Each account's invoices come by due date, then
     * number; the accounts in no particular order. An empty collection has none.
     */
    default List<Invoice> findOpenByAccounts(TenantId tenant, Collection<AccountId> accounts) {
        return accounts.stream()
                .distinct()
                .flatMap(account -> findOpenByAccount(tenant, account).stream())
                .toList();
    }

    /**
     * The invoices among the ids, in no particular order: what {@link #findById} answers for each, read together (a
     * database adapter needs one statement per hundred ids). Ids that are not the tenant's invoices are left out.
     */
    default List<Invoice> findByIds(TenantId tenant, Collection<InvoiceId> ids) {
        return ids.stream()
                .distinct()
                .map(id -> findById(tenant, id))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Up to {@code limit} invoices of every account of the tenant issued from {@code from} to {@code to} (both
     * inclusive) whose status is one of {@code statuses} (empty: any status), ordered by issue date, then number,
     * that come after {@code after} in that order (null: from the first). Keyset paging across accounts, for
     * reports and analytics: walking a long list costs one short index range per batch. A database adapter answers
     * from an index on (tenant, issue date, number).
     */
    List<Invoice> findIssuedBetween(
            TenantId tenant, LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit);

    /**
     * Like {@link #findIssuedBetween}, by due date: up to {@code limit} invoices due from {@code from} to {@code to}
     * (both inclusive) in any of the {@code statuses} (empty: any), ordered by due date, then number, after
     * {@code after} (null: from the first).
     */
    List<Invoice> findDueBetween(
            TenantId tenant, LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit);

    /**
     * Open invoices whose due date lies before {@code asOf} (at least one day overdue), oldest due date first, then
     * by number: the work list of dunning.
     */
    Page<Invoice> findOverdue(TenantId tenant, LocalDate asOf, PageRequest page);

    /**
     * Up to {@code limit} of the invoices {@link #findOverdue(TenantId, LocalDate, PageRequest)} lists, in the same
     * order, that come after {@code after} (by due date, then number; null: from the first): keyset paging, so that
     * walking a long list costs a short index range per batch instead of skipping the batches before it. The
     * default pages through {@code findOverdue}; a database adapter answers with one range of its index.
     */
    default List<Invoice> findOverdueAfter(TenantId tenant, LocalDate asOf, Invoice after, int limit) {
        Comparator<Invoice> order = Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number);
        List<Invoice> found = new ArrayList<>();
        PageRequest request = PageRequest.first(Math.max(limit, 100));
        while (true) {
            Page<Invoice> page = findOverdue(tenant, asOf, request);
            for (Invoice invoice : page.items()) {
                if (after == null || order.compare(invoice, after) > 0) {
                    found.add(invoice);
                    if (found.size() == limit) {
                        return found;
                    }
                }
            }
            if (!page.hasNext()) {
                return found;
            }
            request = request.next();
        }
    }
}
