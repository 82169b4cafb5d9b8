package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.List;
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

/** Payments in {@code crm_payment} (see {@link PaymentMapping}). */
final class JpaPaymentRepository implements PaymentRepository {

    private final StoredAggregates<Payment, PaymentState, PaymentRow> payments;

    private final AggregateTable<PaymentState, PaymentRow> table;

    JpaPaymentRepository(AggregateTable<PaymentState, PaymentRow> table) {
        this.table = table;
        this.payments = new StoredAggregates<>(table, Payment::state, Payment::restore, "payment");
    }

    @Override
    public PaymentRepository visibleTo(Visibility visibility) {
        return new JpaPaymentRepository(table.restrictedTo(VisibleChildren.ofAccount(visibility)));
    }

    @Override
    public Optional<Payment> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return payments
                .listWithKey(
                        tenant,
                        LookupKey.externalRefName(PaymentMapping.EXTERNAL_REF_RECORD),
                        Require.notNull(ref, "externalRef"))
                .stream()
                .findFirst();
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
        return payments.page(
                tenant,
                RowQuery.where("r.accountId = :account")
                        .bind("account", Require.notNull(account, "account").value())
                        .orderBy(PaymentMapping.RECEIVED_ORDER),
                page);
    }

    /** One range of the index {@code crm_payment_by_received}: the rows after the cursor's day and id. */
    @Override
    public List<Payment> findReceivedBetween(TenantId tenant, LocalDate from, LocalDate to, Payment after, int limit) {
        RowQuery received = RowQuery.where("r.receivedOn >= :from and r.receivedOn <= :to")
                .bind("from", Require.notNull(from, "from"))
                .bind("to", Require.notNull(to, "to"));
        if (after != null) {
            received = received.and("(r.receivedOn > :afterDay or (r.receivedOn = :afterDay and r.id > :afterId))")
                    .bind("afterDay", after.receivedOn())
                    .bind("afterId", after.id().value());
        }
        return payments.first(
                tenant, received.orderBy(PaymentMapping.RECEIVED_ORDER), Require.positive(limit, "limit"));
    }
}
