package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A pipeline's stages were added, renamed or reordered; carries the stages as they are now. */
public record PipelineChanged(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, List<Stage> stages)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Pipeline";
    }
}
