package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A case moved between open statuses (taken into work, waiting on the customer). */
public record CaseStatusChanged(
        TenantId tenant, UUID aggregateId, Instant occurredAt, CaseStatus from, CaseStatus to, String changedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
