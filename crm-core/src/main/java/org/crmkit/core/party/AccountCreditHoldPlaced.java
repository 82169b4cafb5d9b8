package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** An account was put on credit hold. */
public record AccountCreditHoldPlaced(TenantId tenant, UUID aggregateId, Instant occurredAt, String reason)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Account";
    }
}
