package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A segment was defined. */
public record SegmentDefined(
        TenantId tenant, UUID aggregateId, Instant occurredAt, String name, SegmentAudience audience, SegmentRule rule)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Segment";
    }
}
