package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** Subject, summary or outcome of an activity were corrected; carries the new values (summary, outcome may be null). */
public record ActivityCorrected(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String subject,
        String summary,
        ActivityOutcome outcome,
        String correctedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Activity";
    }
}
