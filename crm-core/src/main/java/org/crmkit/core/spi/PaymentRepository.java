package org.crmkit.core.spi;

import java.util.Optional;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TenantId;

/**
 * Stores payments. Every method takes the tenant and sees only that tenant's payments; no argument may be null.
 * Implementations are thread-safe; writes join the caller's transaction.
 */
public interface PaymentRepository {

    Optional<Payment> findById(TenantId tenant, PaymentId id);

    /**
     * Stores the payment if the stored version equals {@code payment.version()} (0 for a new one) and returns the
     * stored copy with the next version; {@code StaleVersionException} on a conflict.
     */
    Payment save(Payment payment);

    /** The account's payments, ordered by the date received, then id. */
    Page<Payment> findByAccount(TenantId tenant, AccountId account, PageRequest page);
}
