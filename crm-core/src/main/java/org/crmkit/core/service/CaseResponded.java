package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A response went to the customer; {@code firstResponse} tells whether it was the first. */
public record CaseResponded(
        TenantId tenant, UUID aggregateId, Instant occurredAt, boolean firstResponse, String respondedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
