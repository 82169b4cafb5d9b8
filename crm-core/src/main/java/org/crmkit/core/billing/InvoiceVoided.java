package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** An invoice was cancelled before anything was settled on it; it is owed no more. */
public record InvoiceVoided(
        TenantId tenant, UUID aggregateId, Instant occurredAt, String number, AccountId account, String reason)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Invoice";
    }
}
