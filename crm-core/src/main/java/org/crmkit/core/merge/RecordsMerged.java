package org.crmkit.core.merge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;

/**
 * Contacts or accounts were merged into a survivor ({@code aggregateId}); the only event of the merge: the records
 * it moved record none. {@code merged} ids now redirect to the survivor; {@code mergedBy} is the actor's id.
 */
public record RecordsMerged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        MergeId merge,
        RecordType recordType,
        List<UUID> merged,
        String mergedBy)
        implements DomainEvent {

    public RecordsMerged {
        merged = List.copyOf(merged);
    }

    /** The survivor. */
    public UUID survivor() {
        return aggregateId;
    }

    @Override
    public String aggregateType() {
        return recordType == RecordType.ACCOUNT ? "Account" : "Contact";
    }
}
