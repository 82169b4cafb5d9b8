package org.crmkit.core.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/** An activity was removed from the history; {@code references} are the parties and records it concerned. */
public record ActivityDeleted(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        ActivityKind kind,
        Instant activityTime,
        List<RecordRef> references,
        String deletedBy)
        implements DomainEvent {

    public ActivityDeleted {
        references = List.copyOf(references);
    }

    @Override
    public String aggregateType() {
        return "Activity";
    }
}
