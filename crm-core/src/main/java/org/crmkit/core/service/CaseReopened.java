package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A resolved or closed case was opened again. */
public record CaseReopened(
        TenantId tenant, UUID aggregateId, Instant occurredAt, CaseStatus from, String reason, String reopenedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
