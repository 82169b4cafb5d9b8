package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/**
 * The share of a record with a user or team ({@code grantee}) ended, by the acting user ({@code unsharedBy}, the
 * actor's id). The aggregate is the record that was shared.
 */
public record RecordUnshared(
        TenantId tenant, UUID aggregateId, Instant occurredAt, RecordRef record, UUID grantee, String unsharedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "RecordShare";
    }
}
