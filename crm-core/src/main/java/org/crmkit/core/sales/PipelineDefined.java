package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A sales pipeline was defined with its stages in order. */
public record PipelineDefined(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, List<Stage> stages)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Pipeline";
    }
}
