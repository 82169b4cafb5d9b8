package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.PaymentRepository;

final class InMemoryPaymentRepository implements PaymentRepository {

    private final InMemoryTransactions transactions;
    private final VersionedStore<PaymentState> store;
    private final InMemoryIndex<PaymentState> byAccount;

    InMemoryPaymentRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.store = new VersionedStore<>("Payment", transactions);
        this.byAccount = store.index(InMemoryIndex.single(PaymentState::account));
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
        List<PaymentState> payments = transactions.read(() -> store.findAll(tenant, byAccount.lookup(tenant, account))
                .stream().sorted(Comparator.comparing(PaymentState::receivedOn).thenComparing(s -> s.id().value()))
                .toList());
        return Page.of(payments, page).map(Payment::restore);
    }
}
