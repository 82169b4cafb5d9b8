package org.crmkit.core.merge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;

/**
 * A merge was undone: the {@code restored} records exist again under their own ids, the survivor
 * ({@code aggregateId}) and every moved record are as they were before the merge. The only event of the unmerge;
 * {@code unmergedBy} is the actor's id.
 */
public record MergeUndone(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        MergeId merge,
        RecordType recordType,
        List<UUID> restored,
        String unmergedBy)
        implements DomainEvent {

    public MergeUndone {
        restored = List.copyOf(restored);
    }

    /** The survivor of the undone merge. */
    public UUID survivor() {
        return aggregateId;
    }

    @Override
    public String aggregateType() {
        return recordType == RecordType.ACCOUNT ? "Account" : "Contact";
    }
}
