package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/**
 * A record was shared with a user or team ({@code grantee}), or the access of its share changed, by the acting user
 * ({@code sharedBy}, the actor's id). The aggregate is the shared record.
 */
public record RecordShared(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        RecordRef record,
        UUID grantee,
        ShareAccess access,
        String sharedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "RecordShare";
    }
}
