package org.crmkit.core.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TenantId;

/**
 * Stores payments. Every method takes the tenant and sees only that tenant's payments; no argument may be null.
 * Implementations are thread-safe; writes join the caller's transaction.
 */
public interface PaymentRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query answers only the payments of
     * visible accounts, as {@link InvoiceRepository#visibleTo} does for invoices. Saves are not restricted.
     */
    PaymentRepository visibleTo(Visibility visibility);

    Optional<Payment> findById(TenantId tenant, PaymentId id);

    /**
     * The payment that has the external reference, found through one index. Saving a payment whose reference another payment
     * of the tenant has is refused with a {@code DuplicateRecordException} naming the reference.
     */
    Optional<Payment> findByExternalRef(TenantId tenant, ExternalRef ref);

    /**
     * Stores the payment if the stored version equals {@code payment.version()} (0 for a new one) and returns the
     * stored copy with the next version; {@code StaleVersionException} on a conflict.
     */
    Payment save(Payment payment);

    /** The account's payments, ordered by the date received, then id. */
    Page<Payment> findByAccount(TenantId tenant, AccountId account, PageRequest page);

    /**
     * Up to {@code limit} payments of every account of the tenant received from {@code from} to {@code to} (both
     * inclusive), ordered by the date received, then id, that come after {@code after} in that order (null: from
     * the first). Keyset paging across accounts, for reports and analytics; a database adapter answers from an index
     * on (tenant, date received, id).
     */
    List<Payment> findReceivedBetween(TenantId tenant, LocalDate from, LocalDate to, Payment after, int limit);
}
