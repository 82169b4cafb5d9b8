package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** Part of a payment was allocated to an invoice. */
public record PaymentAllocated(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        AccountId account,
        InvoiceId invoice,
        Money amount,
        Money unallocated)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Payment";
    }
}
