package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.InvoiceRepository;

final class InMemoryInvoiceRepository implements InvoiceRepository {

    private static final Comparator<InvoiceState> BY_DUE_DATE =
            Comparator.comparing(InvoiceState::dueDate).thenComparing(InvoiceState::number);
    private static final Comparator<InvoiceState> BY_ISSUE_DATE =
            Comparator.comparing(InvoiceState::issueDate).thenComparing(InvoiceState::number);

    private final InMemoryTransactions transactions;
    private final VersionedStore<InvoiceState> store;
    private final InMemoryExternalRefs<InvoiceState> byExternalRef;
    private final InMemoryIndex<InvoiceState> byNumber;
    private final InMemoryIndex<InvoiceState> byAccount;
    private final InMemoryOrderedIndex<InvoiceState> openByDueDate;
    private final InMemoryOrderedIndex<InvoiceState> byIssueDate;
    private final InMemoryOrderedIndex<InvoiceState> byDueDate;
    private final InMemoryVisibleParents parents;

    InMemoryInvoiceRepository(InMemoryTransactions transactions, InMemoryVisibleParents parents) {
        this.parents = parents;
        this.transactions = transactions;
        this.store = new VersionedStore<>("Invoice", transactions);
        this.byExternalRef = new InMemoryExternalRefs<>("Invoice", store, InvoiceState::externalRefs);
        this.byNumber = store.index(InMemoryIndex.single(InvoiceState::number));
        this.byAccount = store.index(InMemoryIndex.single(InvoiceState::account));
        this.openByDueDate =
                store.index(new InMemoryOrderedIndex<>(s -> s.status().isOpen(), BY_DUE_DATE));
        this.byIssueDate = store.index(new InMemoryOrderedIndex<>(s -> true, BY_ISSUE_DATE));
        this.byDueDate = store.index(new InMemoryOrderedIndex<>(s -> true, BY_DUE_DATE));
    }

    private InMemoryInvoiceRepository(InMemoryInvoiceRepository all, VersionedStore<InvoiceState> visible) {
        this.transactions = all.transactions;
        this.store = visible;
        this.byExternalRef = all.byExternalRef;
        this.byNumber = all.byNumber;
        this.byAccount = all.byAccount;
        this.openByDueDate = all.openByDueDate;
        this.byIssueDate = all.byIssueDate;
        this.byDueDate = all.byDueDate;
        this.parents = all.parents;
    }

    @Override
    public InvoiceRepository visibleTo(Visibility visibility) {
        return new InMemoryInvoiceRepository(
                this,
                store.restrictedTo(parents.visibleTo(
                        visibility, InMemoryVisibleParents.ofAccount(InvoiceState::tenant, InvoiceState::account))));
    }

    @Override
    public Optional<Invoice> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return byExternalRef.find(tenant, ref).filter(store::isVisible).map(Invoice::restore);
    }

    @Override
    public Optional<Invoice> findById(TenantId tenant, InvoiceId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(Invoice::restore);
    }

    @Override
    public Optional<Invoice> findByNumber(TenantId tenant, String number) {
        Require.notNull(tenant, "tenant");
        Require.notNull(number, "number");
        return transactions.read(() -> store.findAll(tenant, byNumber.lookup(tenant, number)).stream()
                .findFirst()
                .map(Invoice::restore));
    }

    @Override
    public Invoice save(Invoice invoice) {
        InvoiceState state = Require.notNull(invoice, "invoice").state();
        return transactions.inTransaction(() -> {
            Set<UUID> sameNumber = byNumber.lookup(state.tenant(), state.number());
            if (!sameNumber.isEmpty() && !sameNumber.contains(state.id().value())) {
                throw new DuplicateRecordException("Invoice number", state.number());
            }
            return Invoice.restore(store.save(state));
        });
    }

    @Override
    public Page<Invoice> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        Require.notNull(page, "page");
        return Page.of(ofAccount(tenant, account), page).map(Invoice::restore);
    }

    @Override
    public List<Invoice> findOpenByAccount(TenantId tenant, AccountId account) {
        return ofAccount(tenant, account).stream()
                .filter(s -> s.status().isOpen())
                .map(Invoice::restore)
                .toList();
    }

    private List<InvoiceState> ofAccount(TenantId tenant, AccountId account) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        return transactions.read(() -> store.findAll(tenant, byAccount.lookup(tenant, account)).stream()
                .sorted(BY_DUE_DATE)
                .toList());
    }

    @Override
    public List<Invoice> findIssuedBetween(
            TenantId tenant, LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit) {
        return between(tenant, byIssueDate, InvoiceState::issueDate, from, to, statuses, after, limit);
    }

    @Override
    public List<Invoice> findDueBetween(
            TenantId tenant, LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit) {
        return between(tenant, byDueDate, InvoiceState::dueDate, from, to, statuses, after, limit);
    }

    /**
     * The invoices of the index whose date lies in the range, from the first after the cursor (the index's order
     * is the query's, ties on the date broken by the unique number), up to the limit.
     */
    private List<Invoice> between(
            TenantId tenant,
            InMemoryOrderedIndex<InvoiceState> index,
            Function<InvoiceState, LocalDate> date,
            LocalDate from,
            LocalDate to,
            Set<InvoiceStatus> statuses,
            Invoice after,
            int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.noNulls(statuses, "statuses");
        Require.positive(limit, "limit");
        InvoiceState cursor = after == null ? null : after.state();
        return transactions.read(() -> {
            List<Invoice> items = new ArrayList<>(Math.min(limit, 1024));
            NavigableSet<InvoiceState> ordered = index.ordered(tenant);
            for (InvoiceState state : cursor == null ? ordered : ordered.tailSet(cursor, false)) {
                if (date.apply(state).isAfter(to) || items.size() == limit) {
                    break;
                }
                if (!date.apply(state).isBefore(from)
                        && (statuses.isEmpty() || statuses.contains(state.status()))
                        && store.isVisible(state)) {
                    items.add(Invoice.restore(state));
                }
            }
            return items;
        });
    }

    @Override
    public Page<Invoice> findOverdue(TenantId tenant, LocalDate asOf, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        return transactions.read(() -> {
            List<InvoiceState> items = new ArrayList<>(page.size());
            long total = 0;
            for (InvoiceState state : openByDueDate.ordered(tenant)) {
                if (!state.dueDate().isBefore(asOf)) {
                    break;
                }
                if (!store.isVisible(state)) {
                    continue;
                }
                if (total >= page.offset() && items.size() < page.size()) {
                    items.add(state);
                }
                total++;
            }
            return new Page<>(items, page, total).map(Invoice::restore);
        });
    }

    @Override
    public List<Invoice> findOverdueAfter(TenantId tenant, LocalDate asOf, Invoice after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(asOf, "asOf");
        Require.positive(limit, "limit");
        InvoiceState cursor = after == null ? null : after.state();
        return transactions.read(() -> {
            List<Invoice> items = new ArrayList<>(Math.min(limit, 1024));
            for (InvoiceState state : openByDueDate.ordered(tenant)) {
                if (!state.dueDate().isBefore(asOf) || items.size() == limit) {
                    break;
                }
                if ((cursor == null || BY_DUE_DATE.compare(state, cursor) > 0) && store.isVisible(state)) {
                    items.add(Invoice.restore(state));
                }
            }
            return items;
        });
    }
}
