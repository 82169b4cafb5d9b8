package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;

/**
 * Stores credit notes. Every method takes the tenant and sees only that tenant's credit notes; no argument may be
 * null. Implementations are thread-safe; writes join the caller's transaction.
 */
public interface CreditNoteRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query answers only the credit notes of
     * visible accounts, as {@link InvoiceRepository#visibleTo} does for invoices. Saves are not restricted.
     */
    CreditNoteRepository visibleTo(Visibility visibility);

    Optional<CreditNote> findById(TenantId tenant, CreditNoteId id);

    /**
     * The credit note that has the external reference, found through one index. Saving a credit note whose reference another credit note
     * of the tenant has is refused with a {@code DuplicateRecordException} naming the reference.
     */
    Optional<CreditNote> findByExternalRef(TenantId tenant, ExternalRef ref);

    /** The credit note with this number (unique per tenant, compared exactly). */
    Optional<CreditNote> findByNumber(TenantId tenant, String number);

    /**
     * Stores the credit note if the stored version equals {@code creditNote.version()} (0 for a new one) and returns
     * the stored copy with the next version. {@code StaleVersionException} on a conflict,
     * {@code DuplicateRecordException} when another credit note of the tenant has the same number.
     */
    CreditNote save(CreditNote creditNote);

    /** The account's credit notes, ordered by issue date, then number. */
    Page<CreditNote> findByAccount(TenantId tenant, AccountId account, PageRequest page);

    /** Credit notes issued against the invoice, ordered by issue date, then number. */
    List<CreditNote> findByInvoice(TenantId tenant, InvoiceId invoice);
}
