package org.crmkit.core.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * One merge of contacts or accounts: which records of {@code type} were merged into the survivor, by whom
 * ({@code mergedBy}, an actor id) and when, under which survivorship rules, the {@link MergeBeforeImage
 * before-image} of every record of crmkit's
 * storage it changed, and what each {@link org.crmkit.core.spi.MergeParticipant} moved. While the merge is in force
 * ({@code unmergedAt} null) every merged id redirects to the survivor; an unmerge records who undid it and when.
 * Immutable; stored by a {@link org.crmkit.core.spi.MergeRepository} with optimistic locking.
 */
public record MergeRecord(
        TenantId tenant,
        MergeId id,
        long version,
        RecordType type,
        UUID survivor,
        List<UUID> merged,
        String mergedBy,
        Instant mergedAt,
        Survivorship rules,
        MergeBeforeImage before,
        List<ParticipantMoves> participants,
        String unmergedBy,
        Instant unmergedAt)
        implements AggregateState<MergeRecord> {

    public MergeRecord {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNegative(version, "version");
        Require.notNull(type, "type");
        Require.that(
                type == RecordType.CONTACT || type == RecordType.ACCOUNT,
                "type",
                "must be CONTACT or ACCOUNT, was " + type);
        Require.notNull(survivor, "survivor");
        merged = Require.noNulls(merged, "merged");
        Require.that(!merged.isEmpty(), "merged", "must name at least one record");
        Require.that(!merged.contains(survivor), "merged", "must not contain the survivor " + survivor);
        Require.notBlank(mergedBy, "mergedBy");
        Require.notNull(mergedAt, "mergedAt");
        Require.notNull(rules, "rules");
        Require.notNull(before, "before");
        participants = Require.noNulls(participants, "participants");
        Require.that(
                (unmergedBy == null) == (unmergedAt == null), "unmergedAt", "must be given together with unmergedBy");
    }

    /** Whether the merge has not been undone: its merged ids redirect to the survivor. */
    public boolean inForce() {
        return unmergedAt == null;
    }

    /** The survivor as a record reference. */
    public RecordRef survivorRef() {
        return new RecordRef(type, survivor);
    }

    /** The merged records as record references, in the order given to the merge. */
    public List<RecordRef> mergedRefs() {
        return merged.stream().map(id -> new RecordRef(type, id)).toList();
    }

    /** The survivor and the merged records. */
    public List<RecordRef> involved() {
        List<RecordRef> all = new ArrayList<>();
        all.add(survivorRef());
        all.addAll(mergedRefs());
        return all;
    }

    /** This merge, undone by the actor at the time. */
    public MergeRecord undone(String actor, Instant at) {
        Require.notBlank(actor, "actor");
        Require.notNull(at, "at");
        return new MergeRecord(
                tenant,
                id,
                version,
                type,
                survivor,
                merged,
                mergedBy,
                mergedAt,
                rules,
                before,
                participants,
                actor,
                at);
    }

    @Override
    public MergeRecord withVersion(long newVersion) {
        return new MergeRecord(
                tenant,
                id,
                newVersion,
                type,
                survivor,
                merged,
                mergedBy,
                mergedAt,
                rules,
                before,
                participants,
                unmergedBy,
                unmergedAt);
    }
}
