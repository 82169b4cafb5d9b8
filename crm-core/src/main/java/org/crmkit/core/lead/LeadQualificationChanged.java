package org.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A lead's score crossed a threshold, up or down (with decay), into another qualification level. */
public record LeadQualificationChanged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        QualificationLevel previous,
        QualificationLevel level,
        int score)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Lead";
    }
}
