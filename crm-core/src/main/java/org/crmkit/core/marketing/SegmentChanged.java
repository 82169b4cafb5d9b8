package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A segment was renamed or got another rule; the event carries both as they are now. */
public record SegmentChanged(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, SegmentRule rule)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Segment";
    }
}
