package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** The rest of an open invoice was given up as uncollectable. */
public record InvoiceWrittenOff(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String number,
        AccountId account,
        Money amount,
        String reason)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Invoice";
    }
}
