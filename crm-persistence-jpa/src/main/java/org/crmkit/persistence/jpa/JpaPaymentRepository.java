package org.crmkit.persistence.jpa;

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

/** Payments in {@code crm_payment} (see {@link PaymentMapping}). */
final class JpaPaymentRepository implements PaymentRepository {

    private final StoredAggregates<Payment, PaymentState, PaymentRow> payments;

    JpaPaymentRepository(AggregateTable<PaymentState, PaymentRow> table) {
        this.payments = new StoredAggregates<>(table, Payment::state, Payment::restore, "payment");
    }

    @Override
    public Optional<Payment> findById(TenantId tenant, PaymentId id) {
        return payments.findById(tenant, id);
    }

    @Override
    public Payment save(Payment payment) {
        return payments.save(payment);
    }

    @Override
    public Page<Payment> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        return payments.page(tenant, RowQuery.where("r.accountId = :account").bind("account", Require.notNull(account, "account").value())
                .orderBy(PaymentMapping.RECEIVED_ORDER), page);
    }
}
