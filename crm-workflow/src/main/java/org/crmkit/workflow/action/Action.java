package org.crmkit.workflow.action;

import java.time.Instant;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * An action as the workflow outbox keeps it: what to deliver, under which deduplication key, and how delivery
 * went so far. Immutable; the runtime stores a changed copy with the next {@code version}.
 *
 * @param workflow      the name of the workflow that planned it, e.g. {@code dunning}
 * @param attempts      delivery attempts made so far
 * @param nextAttemptAt when a dispatcher may try (again); meaningful while {@code PENDING}
 * @param claimedUntil  while a dispatcher works on it, the end of its lease (null otherwise): a dispatcher that
 *                      dies leaves the lease to expire, and another one takes the action up again
 * @param lastError     the failure of the last attempt, null when none failed
 * @param finishedAt    when it became delivered, failed or cancelled; null while pending
 */
public record Action(
        ActionId id,
        TenantId tenant,
        String workflow,
        String deduplicationKey,
        String subject,
        ActionPayload payload,
        ActionStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant claimedUntil,
        String lastError,
        Instant createdAt,
        Instant finishedAt,
        long version) {

    public Action {
        Require.notNull(id, "id");
        Require.notNull(tenant, "tenant");
        Require.notBlank(workflow, "workflow");
        Require.notBlank(deduplicationKey, "deduplicationKey");
        Require.notBlank(subject, "subject");
        Require.notNull(payload, "payload");
        Require.notNull(status, "status");
        Require.notNegative(attempts, "attempts");
        Require.notNull(nextAttemptAt, "nextAttemptAt");
        Require.notNull(createdAt, "createdAt");
        Require.notNegative(version, "version");
    }

    /** A new pending action, not stored yet. */
    public static Action planned(ActionId id, TenantId tenant, String workflow, PlannedAction planned, Instant now) {
        return new Action(
                id,
                tenant,
                workflow,
                planned.deduplicationKey(),
                planned.subject(),
                planned.payload(),
                ActionStatus.PENDING,
                0,
                planned.notBefore(),
                null,
                null,
                now,
                null,
                0);
    }

    /** Whether a dispatcher may take it up at {@code now}: pending, due and not under another's lease. */
    public boolean isClaimable(Instant now) {
        return status == ActionStatus.PENDING
                && !nextAttemptAt.isAfter(now)
                && (claimedUntil == null || !claimedUntil.isAfter(now));
    }

    public Action claimed(Instant until) {
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                payload,
                status,
                attempts,
                nextAttemptAt,
                until,
                lastError,
                createdAt,
                finishedAt,
                version);
    }

    public Action delivered(Instant at) {
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                payload,
                ActionStatus.DELIVERED,
                attempts + 1,
                nextAttemptAt,
                null,
                lastError,
                createdAt,
                at,
                version);
    }

    /** One more failed attempt: pending again from {@code retryAt}, or failed for good when {@code retryAt} is null. */
    public Action attemptFailed(String error, Instant at, Instant retryAt) {
        boolean giveUp = retryAt == null;
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                payload,
                giveUp ? ActionStatus.FAILED : ActionStatus.PENDING,
                attempts + 1,
                giveUp ? nextAttemptAt : retryAt,
                null,
                error,
                createdAt,
                giveUp ? at : null,
                version);
    }

    public Action cancelled(Instant at) {
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                payload,
                ActionStatus.CANCELLED,
                attempts,
                nextAttemptAt,
                null,
                lastError,
                createdAt,
                at,
                version);
    }

    /**
     * This action with the person's data removed, as an erasure leaves it: the payload an {@link ErasedPayload}, no
     * last error; an action still to be delivered (pending or failed) is cancelled at {@code at}, a delivered one
     * stays delivered. The same action when it was erased before.
     */
    public Action erased(Instant at) {
        boolean undelivered = status == ActionStatus.PENDING || status == ActionStatus.FAILED;
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                new ErasedPayload(),
                undelivered ? ActionStatus.CANCELLED : status,
                attempts,
                nextAttemptAt,
                undelivered ? null : claimedUntil,
                null,
                createdAt,
                undelivered ? at : finishedAt,
                version);
    }

    /** A failed action put back in the queue by hand, due at {@code at}, with a fresh count of attempts. */
    public Action requeued(Instant at) {
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                payload,
                ActionStatus.PENDING,
                0,
                at,
                null,
                lastError,
                createdAt,
                null,
                version);
    }

    /** A copy with another version; only stores call this. */
    public Action withVersion(long version) {
        return new Action(
                id,
                tenant,
                workflow,
                deduplicationKey,
                subject,
                payload,
                status,
                attempts,
                nextAttemptAt,
                claimedUntil,
                lastError,
                createdAt,
                finishedAt,
                version);
    }
}
