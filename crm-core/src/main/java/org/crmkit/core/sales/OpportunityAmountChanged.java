package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A deal's amount changed, set directly or following its line items; {@code amount} may be null (unknown). */
public record OpportunityAmountChanged(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Money previous, Money amount) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
