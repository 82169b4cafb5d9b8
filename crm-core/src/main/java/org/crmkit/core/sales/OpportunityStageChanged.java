package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;

/** A deal moved from one stage to another (also when won, lost or reopened). */
public record OpportunityStageChanged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        PipelineId pipeline,
        StageId from,
        StageId to,
        Actor actor)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
