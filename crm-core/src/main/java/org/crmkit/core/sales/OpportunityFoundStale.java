package org.crmkit.core.sales;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** An open deal was found stale and a task was created for its owner. */
public record OpportunityFoundStale(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Set<StaleReason> reasons, TaskId task, UserId owner)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
