package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A credit note was issued to an account, against one invoice ({@code invoice}) or the account as a whole (null). */
public record CreditNoteIssued(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String number,
        AccountId account,
        InvoiceId invoice,
        Money amount,
        String reason)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "CreditNote";
    }
}
