package org.crmkit.testkit;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/**
 * A minimal domain event for outbox and transaction contracts, so that those contracts do not depend on any
 * business area. Adapters that serialise events (e.g. to JSON) must be able to round-trip it.
 */
public record SampleEvent(TenantId tenant, UUID aggregateId, Instant occurredAt, String note) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Sample";
    }
}
