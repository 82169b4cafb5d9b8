package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.access.Role;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A user approved entering a stage of a deal. */
public record OpportunityStageApproved(
        TenantId tenant, UUID aggregateId, Instant occurredAt, StageId stage, Role role, UserId approver, Actor actor)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
