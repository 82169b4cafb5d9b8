package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.PaymentRepository;

final class InMemoryPaymentRepository implements PaymentRepository {

    private final InMemoryTransactions transactions;
    private final VersionedStore<PaymentState> store;
    private final InMemoryExternalRefs<PaymentState> byExternalRef;
    private static final Comparator<PaymentState> BY_RECEIVED = Comparator.comparing(PaymentState::receivedOn)
            .thenComparing(state -> state.id().value());

    private final InMemoryIndex<PaymentState> byAccount;
    private final InMemoryOrderedIndex<PaymentState> byReceived;

    private final InMemoryVisibleParents parents;

    InMemoryPaymentRepository(InMemoryTransactions transactions, InMemoryVisibleParents parents) {
        this.parents = parents;
        this.transactions = transactions;
        this.store = new VersionedStore<>("Payment", transactions);
        this.byExternalRef = new InMemoryExternalRefs<>("Payment", store, PaymentState::externalRefs);
        this.byAccount = store.index(InMemoryIndex.single(PaymentState::account));
        this.byReceived = store.index(new InMemoryOrderedIndex<>(s -> true, BY_RECEIVED));
    }

    private InMemoryPaymentRepository(InMemoryPaymentRepository all, VersionedStore<PaymentState> visible) {
        this.transactions = all.transactions;
        this.store = visible;
        this.byExternalRef = all.byExternalRef;
        this.byAccount = all.byAccount;
        this.byReceived = all.byReceived;
        this.parents = all.parents;
    }

    @Override
    public PaymentRepository visibleTo(Visibility visibility) {
        return new InMemoryPaymentRepository(
                this,
                store.restrictedTo(parents.visibleTo(
                        visibility, InMemoryVisibleParents.ofAccount(PaymentState::tenant, PaymentState::account))));
    }

    @Override
    public Optional<Payment> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return byExternalRef.find(tenant, ref).filter(store::isVisible).map(Payment::restore);
    }

    @Override
    public Optional<Payment> findById(TenantId tenant, PaymentId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(Payment::restore);
    }

    @Override
    public Payment save(Payment payment) {
        return Payment.restore(store.save(Require.notNull(payment, "payment").state()));
    }

    @Override
    public Page<Payment> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        Require.notNull(page, "page");
        List<PaymentState> payments =
                transactions.read(() -> store.findAll(tenant, byAccount.lookup(tenant, account)).stream()
                        .sorted(BY_RECEIVED)
                        .toList());
        return Page.of(payments, page).map(Payment::restore);
    }

    @Override
    public List<Payment> findReceivedBetween(TenantId tenant, LocalDate from, LocalDate to, Payment after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.positive(limit, "limit");
        PaymentState cursor = after == null ? null : after.state();
        return transactions.read(() -> {
            List<Payment> items = new ArrayList<>(Math.min(limit, 1024));
            NavigableSet<PaymentState> ordered = byReceived.ordered(tenant);
            for (PaymentState state : cursor == null ? ordered : ordered.tailSet(cursor, false)) {
                if (state.receivedOn().isAfter(to) || items.size() == limit) {
                    break;
                }
                if (!state.receivedOn().isBefore(from) && store.isVisible(state)) {
                    items.add(Payment.restore(state));
                }
            }
            return items;
        });
    }
}
