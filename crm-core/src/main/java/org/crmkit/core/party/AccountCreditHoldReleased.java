package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** An account's credit hold was lifted. */
public record AccountCreditHoldReleased(TenantId tenant, UUID aggregateId, Instant occurredAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Account";
    }
}
