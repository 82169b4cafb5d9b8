package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** Part of a credit note was applied to an invoice, reducing its balance. */
public record CreditNoteApplied(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String number,
        InvoiceId invoice,
        Money amount,
        Money unapplied)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "CreditNote";
    }
}
