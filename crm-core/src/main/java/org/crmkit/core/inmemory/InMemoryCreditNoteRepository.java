package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.CreditNoteState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.CreditNoteRepository;

final class InMemoryCreditNoteRepository implements CreditNoteRepository {

    private static final Comparator<CreditNoteState> BY_ISSUE_DATE =
            Comparator.comparing(CreditNoteState::issueDate).thenComparing(CreditNoteState::number);

    private final InMemoryTransactions transactions;
    private final VersionedStore<CreditNoteState> store;
    private final InMemoryExternalRefs<CreditNoteState> byExternalRef;
    private final InMemoryIndex<CreditNoteState> byNumber;
    private final InMemoryIndex<CreditNoteState> byAccount;
    private final InMemoryIndex<CreditNoteState> byInvoice;

    private final InMemoryVisibleParents parents;

    InMemoryCreditNoteRepository(InMemoryTransactions transactions, InMemoryVisibleParents parents) {
        this.parents = parents;
        this.transactions = transactions;
        this.store = new VersionedStore<>("CreditNote", transactions);
        this.byExternalRef = new InMemoryExternalRefs<>("CreditNote", store, CreditNoteState::externalRefs);
        this.byNumber = store.index(InMemoryIndex.single(CreditNoteState::number));
        this.byAccount = store.index(InMemoryIndex.single(CreditNoteState::account));
        this.byInvoice = store.index(InMemoryIndex.single(CreditNoteState::invoice));
    }

    private InMemoryCreditNoteRepository(InMemoryCreditNoteRepository all, VersionedStore<CreditNoteState> visible) {
        this.transactions = all.transactions;
        this.store = visible;
        this.byExternalRef = all.byExternalRef;
        this.byNumber = all.byNumber;
        this.byAccount = all.byAccount;
        this.byInvoice = all.byInvoice;
        this.parents = all.parents;
    }

    @Override
    public CreditNoteRepository visibleTo(Visibility visibility) {
        return new InMemoryCreditNoteRepository(
                this,
                store.restrictedTo(parents.visibleTo(
                        visibility,
                        InMemoryVisibleParents.ofAccount(CreditNoteState::tenant, CreditNoteState::account))));
    }

    @Override
    public Optional<CreditNote> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return byExternalRef.find(tenant, ref).filter(store::isVisible).map(CreditNote::restore);
    }

    @Override
    public Optional<CreditNote> findById(TenantId tenant, CreditNoteId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(CreditNote::restore);
    }

    @Override
    public Optional<CreditNote> findByNumber(TenantId tenant, String number) {
        Require.notNull(tenant, "tenant");
        Require.notNull(number, "number");
        return transactions.read(() -> store.findAll(tenant, byNumber.lookup(tenant, number)).stream()
                .findFirst()
                .map(CreditNote::restore));
    }

    @Override
    public CreditNote save(CreditNote creditNote) {
        CreditNoteState state = Require.notNull(creditNote, "creditNote").state();
        return transactions.inTransaction(() -> {
            Set<UUID> sameNumber = byNumber.lookup(state.tenant(), state.number());
            if (!sameNumber.isEmpty() && !sameNumber.contains(state.id().value())) {
                throw new DuplicateRecordException("Credit note number", state.number());
            }
            return CreditNote.restore(store.save(state));
        });
    }

    @Override
    public Page<CreditNote> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        Require.notNull(account, "account");
        Require.notNull(page, "page");
        return Page.of(lookup(tenant, byAccount, account), page).map(CreditNote::restore);
    }

    @Override
    public List<CreditNote> findByInvoice(TenantId tenant, InvoiceId invoice) {
        Require.notNull(invoice, "invoice");
        return lookup(tenant, byInvoice, invoice).stream()
                .map(CreditNote::restore)
                .toList();
    }

    private List<CreditNoteState> lookup(TenantId tenant, InMemoryIndex<CreditNoteState> index, Object key) {
        Require.notNull(tenant, "tenant");
        return transactions.read(() -> store.findAll(tenant, index.lookup(tenant, key)).stream()
                .sorted(BY_ISSUE_DATE)
                .toList());
    }
}
