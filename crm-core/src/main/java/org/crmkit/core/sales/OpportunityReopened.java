package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;

/** A won or lost deal was reopened into an open stage. */
public record OpportunityReopened(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        OpportunityStatus previousStatus,
        StageId stage,
        Actor actor)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
