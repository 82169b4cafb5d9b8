package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A deal was won. */
public record OpportunityWon(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        AccountId account,
        Money amount,
        String reason,
        Actor actor)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
